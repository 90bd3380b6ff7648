package org.permanence.engine;

import org.permanence.system.EngineNode;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts the workers that poll this node. Who may call the engine REST API, and as whom it runs, is
 * org.permanence.security's (Spring Security, HTTP Basic against the engine's users).
 */
@Configuration(proxyBeanMethods = false)
@EngineNode
class WorkerPresenceRegistration {

    @Bean
    FilterRegistrationBean<WorkerPresence> workerPresenceFilter(WorkerPresence presence) {
        FilterRegistrationBean<WorkerPresence> registration = new FilterRegistrationBean<>(presence);
        registration.setName("worker-presence");
        registration.addUrlPatterns("/engine-rest/external-task/fetchAndLock");
        // after Spring Security: only workers that got in (and may fetch) are counted
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}

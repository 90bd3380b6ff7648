package org.permanence.engine;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.permanence.system.EngineNode;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The engine REST API answers only authenticated users (HTTP Basic), and runs each request as that
 * user, so authorizations and tenant checks apply: a secretary sees her clients' tasks, a worker's
 * service account can fetch and complete external tasks.
 */
@Configuration(proxyBeanMethods = false)
@EngineNode
class EngineRestSecurity {

    static final int AUTHENTICATION_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.setOrder(AUTHENTICATION_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WorkerPresence> workerPresenceFilter(WorkerPresence presence) {
        FilterRegistrationBean<WorkerPresence> registration = new FilterRegistrationBean<>(presence);
        registration.setName("worker-presence");
        registration.addUrlPatterns("/engine-rest/external-task/fetchAndLock");
        // after authentication: only workers that got in are counted
        registration.setOrder(AUTHENTICATION_ORDER + 1);
        return registration;
    }
}

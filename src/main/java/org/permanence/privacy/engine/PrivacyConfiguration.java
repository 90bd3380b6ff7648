package org.permanence.privacy.engine;

import org.camunda.bpm.engine.TaskService;
import org.permanence.system.EngineNode;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EngineNode
class PrivacyConfiguration {

    /** After Spring Security's chain has signed the person in (the default order: last). */
    @Bean
    FilterRegistrationBean<TasklistReads> tasklistReads(TaskService tasks, JdbcClient jdbc, ApplicationEventPublisher events) {
        FilterRegistrationBean<TasklistReads> registration = new FilterRegistrationBean<>(new TasklistReads(tasks, jdbc, events));
        registration.setName("tasklist-reads");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }
}

package org.permanence.engine;

import org.permanence.system.EngineNode;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link EngineQueryCap} on both mounts of the engine's REST API. */
@Configuration(proxyBeanMethods = false)
@EngineNode
class EngineQueryCapping {

    @Bean
    FilterRegistrationBean<EngineQueryCap> engineQueryCap(EngineQueryProperties properties) {
        FilterRegistrationBean<EngineQueryCap> registration = new FilterRegistrationBean<>(new EngineQueryCap(properties.maxResults()));
        registration.setName("engine-query-cap");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }
}

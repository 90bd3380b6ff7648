package org.permanence.system;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Slow clients cannot take every request thread: {@link SlowBodies} before every other filter, so no
 * other filter reads a body unguarded, and {@link UnreadBodiesClose} in Tomcat behind it.
 */
@Configuration(proxyBeanMethods = false)
class SlowClients {

    @Bean
    FilterRegistrationBean<SlowBodies> slowBodies(SlowBodiesProperties properties) {
        FilterRegistrationBean<SlowBodies> registration = new FilterRegistrationBean<>(new SlowBodies(properties));
        registration.setName("slow-bodies");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadBodiesClose() {
        return factory -> factory.addEngineValves(new UnreadBodiesClose());
    }
}

package org.permanence.system;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
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

    /** What is left unread of a body is read past up to what Tomcat swallows of a refused upload ({@link OverSizeUploads}). */
    @Bean
    FilterRegistrationBean<SlowBodies> slowBodies(SlowBodiesProperties properties, MultipartProperties multipart) {
        long maxDrain = 2 * multipart.getMaxRequestSize().toBytes();
        FilterRegistrationBean<SlowBodies> registration = new FilterRegistrationBean<>(new SlowBodies(properties, maxDrain));
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

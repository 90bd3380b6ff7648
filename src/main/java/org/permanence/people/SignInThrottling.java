package org.permanence.people;

import java.time.Clock;

import org.permanence.system.EngineNode;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The sign-in throttle on every path, before anything that checks a password (the engine REST API's Basic
 * authentication, the Tasklist login, the application's sign-in filter, a Spring Security chain at -100), and its
 * counts in the health endpoint as {@code signIns}.
 */
@Configuration(proxyBeanMethods = false)
@EngineNode
class SignInThrottling {

    /** After Spring's ForwardedHeaderFilter (highest precedence), so the address is the client's when a proxy is trusted. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    SignInBudgets signInBudgets(SignInProperties properties) {
        return new SignInBudgets(properties, Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<SignInThrottle> signInThrottle(SignInBudgets budgets, SignInProperties properties, MessageSource texts) {
        KnownGoodCredentials knownGood = new KnownGoodCredentials(properties.knownGoodFor(), properties.knownGoodCredentials(),
                Clock.systemUTC());
        FilterRegistrationBean<SignInThrottle> registration = new FilterRegistrationBean<>(new SignInThrottle(budgets, knownGood, texts));
        registration.setName("sign-in-throttle");
        registration.addUrlPatterns("/*");
        registration.setOrder(ORDER);
        return registration;
    }

    /** Counts only: refused sign-ins are an attack on the office's accounts, not a failure of this node (status stays UP). */
    @Bean
    HealthIndicator signInsHealthIndicator(SignInBudgets budgets) {
        return () -> Health.up().withDetails(budgets.counts()).build();
    }
}

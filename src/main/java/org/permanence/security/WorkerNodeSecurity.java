package org.permanence.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A worker node (role {@code worker}) has no users to check anyone against: it answers its health
 * status, for the load balancer or orchestrator, and nothing else.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Profile("worker")
class WorkerNodeSecurity {

    @Bean
    SecurityFilterChain workerNodeChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(rules -> rules.requestMatchers(OfficeAccess.paths(null, "/actuator/health", "/error")).permitAll()
                        .anyRequest().denyAll())
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }
}

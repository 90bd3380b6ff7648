package org.permanence.people;

import org.permanence.people.engine.OfficeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * One password for the workers' service account, shared by the engine (which sets it) and the
 * in-process workers (which use it). Without PERMANENCE_WORKER_PASSWORD it is random for this run,
 * which is right for a single node; separate worker nodes need it set on both sides.
 */
@Configuration(proxyBeanMethods = false)
class ServiceAccountConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ServiceAccountConfiguration.class);

    @Bean
    ServiceAccount serviceAccount(PeopleProperties people, Environment environment) {
        String password = people.workerPassword();
        if (password == null || password.isBlank()) {
            if (environment.acceptsProfiles(Profiles.of("worker"))) {
                throw new IllegalStateException("A worker node signs in to the engine with the workers' service account: "
                        + "set PERMANENCE_WORKER_PASSWORD to the value the engine nodes use");
            }
            if (environment.acceptsProfiles(Profiles.of("engine"))) {
                log.warn("PERMANENCE_WORKER_PASSWORD is not set: worker nodes cannot sign in to this engine node");
            }
            password = OfficeIdentity.randomPassword();
        }
        return new ServiceAccount(people.workerUser(), password);
    }
}

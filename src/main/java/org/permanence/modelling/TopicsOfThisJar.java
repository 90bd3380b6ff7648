package org.permanence.modelling;

import org.permanence.system.EngineNode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics this jar's workers serve, scanned once for the guard and for the outside topics' checks. */
@Configuration(proxyBeanMethods = false)
@EngineNode
class TopicsOfThisJar {

    @Bean
    WorkerTopics workerTopics() {
        return WorkerTopics.onClasspath();
    }
}

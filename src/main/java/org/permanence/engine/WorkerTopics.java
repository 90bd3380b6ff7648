package org.permanence.engine;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The external-task topics some worker of this build handles, read from the
 * {@code @ExternalTaskSubscription} annotations on the classpath. Scanned rather than taken from the
 * worker beans: an {@code engine} node loads no workers, yet must know which topics the worker nodes
 * (the same jar) will serve.
 */
record WorkerTopics(SortedSet<String> topics) {

    static final String WORKERS_PACKAGE = "org.permanence.workers";

    static WorkerTopics onClasspath() {
        // a profile-less environment: the workers carry @WorkerNode, which an `engine` profile would filter out
        ClassPathScanningCandidateComponentProvider scanner =
                new ClassPathScanningCandidateComponentProvider(false, new StandardEnvironment());
        scanner.addIncludeFilter(new AnnotationTypeFilter(ExternalTaskSubscription.class));
        SortedSet<String> topics = new TreeSet<>();
        scanner.findCandidateComponents(WORKERS_PACKAGE).forEach(worker -> topics.add(
                (String) ((AnnotatedBeanDefinition) worker).getMetadata()
                        .getAnnotationAttributes(ExternalTaskSubscription.class.getName()).get("topicName")));
        return new WorkerTopics(Collections.unmodifiableSortedSet(topics));
    }

    boolean handles(String topic) {
        return topics.contains(topic);
    }
}

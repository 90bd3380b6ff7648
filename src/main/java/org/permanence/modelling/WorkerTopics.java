package org.permanence.modelling;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.permanence.system.WritesVariables;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The external-task topics some worker of this build handles, and the variables each sets
 * ({@link WritesVariables}), read from the annotations on the classpath. Scanned rather than taken from the
 * worker beans: an {@code engine} node loads no workers, yet must know which topics the worker nodes
 * (the same jar) will serve.
 */
public record WorkerTopics(SortedSet<String> topics, Map<String, Set<String>> writes) {

    static final String WORKERS_PACKAGE = "org.permanence.workers";

    public static WorkerTopics onClasspath() {
        // a profile-less environment: the workers carry @WorkerNode, which an `engine` profile would filter out
        ClassPathScanningCandidateComponentProvider scanner =
                new ClassPathScanningCandidateComponentProvider(false, new StandardEnvironment());
        scanner.addIncludeFilter(new AnnotationTypeFilter(ExternalTaskSubscription.class));
        SortedSet<String> topics = new TreeSet<>();
        Map<String, Set<String>> writes = new TreeMap<>();
        scanner.findCandidateComponents(WORKERS_PACKAGE).forEach(worker -> {
            AnnotationMetadata metadata = ((AnnotatedBeanDefinition) worker).getMetadata();
            String topic = (String) metadata.getAnnotationAttributes(ExternalTaskSubscription.class.getName()).get("topicName");
            topics.add(topic);
            Map<String, Object> written = metadata.getAnnotationAttributes(WritesVariables.class.getName());
            writes.put(topic, written == null ? Set.of() : Set.of((String[]) written.get("value")));
        });
        return new WorkerTopics(Collections.unmodifiableSortedSet(topics), Collections.unmodifiableMap(writes));
    }

    public boolean handles(String topic) {
        return topics.contains(topic);
    }

    /** The variables the worker of this topic sets on completing its task; none for a topic without worker. */
    public Set<String> writtenBy(String topic) {
        return writes.getOrDefault(topic, Set.of());
    }
}

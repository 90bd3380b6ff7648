package org.permanence.modelling;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * External-task topics served by workers outside this jar, declared by the operator; managers declare
 * more through {@code /api/outside-topics} ({@link OutsideTopics}).
 */
@ConfigurationProperties("permanence.outside-workers")
@Validated
public record OutsideWorkersProperties(List<@Pattern(regexp = OutsideTopics.TOPIC) String> topics) {

    public OutsideWorkersProperties {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}

package org.permanence.modelling;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The external-task topics served by workers outside this jar — a script in another language taking
 * the office's tasks through the REST API, as Camunda's external tasks allow: those in the configuration
 * ({@link OutsideWorkersProperties}) and those managers declared (table {@code outside_topic}, V19). The
 * {@link DeploymentGuard} accepts a diagram using one of them, and still refuses a topic nobody serves.
 */
@Component
@EngineNode
public class OutsideTopics {

    /** Safe in a URL path and in the guard's messages; Camunda itself takes any string. */
    static final String TOPIC = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private static final RowMapper<OutsideTopic> ROW = (rs, n) -> new OutsideTopic(rs.getString("topic"), rs.getString("served_by"),
            OutsideTopic.DeclaredIn.OFFICE, rs.getString("declared_by"), rs.getTimestamp("declared_at").toInstant());

    private final JdbcClient jdbc;
    private final OutsideWorkersProperties configured;
    private final WorkerTopics inTheJar;

    OutsideTopics(JdbcClient jdbc, OutsideWorkersProperties configured, WorkerTopics inTheJar) {
        this.jdbc = jdbc;
        this.configured = configured;
        this.inTheJar = inTheJar;
    }

    /** Every topic declared served outside, by configuration or by a manager. */
    public SortedSet<String> topics() {
        SortedSet<String> topics = new TreeSet<>(configured.topics());
        topics.addAll(jdbc.sql("select topic from outside_topic").query(String.class).list());
        return topics;
    }

    /** The managers' declarations, then the configuration's topics they do not describe. */
    List<OutsideTopic> all() {
        List<OutsideTopic> all = new ArrayList<>(jdbc.sql("select * from outside_topic order by topic").query(ROW).list());
        configured.topics().stream().filter(topic -> all.stream().noneMatch(declared -> declared.topic().equals(topic)))
                .map(OutsideTopics::fromConfiguration).forEach(all::add);
        return all;
    }

    Optional<OutsideTopic> find(String topic) {
        return jdbc.sql("select * from outside_topic where topic = ?").param(topic).query(ROW).optional()
                .or(() -> configured.topics().contains(topic) ? Optional.of(fromConfiguration(topic)) : Optional.empty());
    }

    @Transactional
    OutsideTopic declare(String topic, OutsideTopicDeclaration declaration, String manager) {
        if (!topic.matches(TOPIC)) {
            throw new InvalidRequest(List.of(FieldProblem.of("topic", "outsideTopic.topic.invalid",
                    "use 1 to 100 letters, digits, dots, dashes or underscores, starting with a letter or digit")));
        }
        if (inTheJar.handles(topic)) {
            // an outside worker would compete with the office's own for these tasks
            throw new InvalidRequest(List.of(FieldProblem.of("topic", "outsideTopic.topic.servedInTheJar",
                    "the office's own workers serve topic " + topic + "; an outside worker may not take its tasks", topic)));
        }
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.sql("update outside_topic set served_by = ?, declared_by = ?, declared_at = ? where topic = ?")
                .params(declaration.servedBy(), manager, now, topic).update();
        if (updated == 0) {
            jdbc.sql("insert into outside_topic (topic, served_by, declared_by, declared_at) values (?, ?, ?, ?)")
                    .params(topic, declaration.servedBy(), manager, now).update();
        }
        return find(topic).orElseThrow();
    }

    /** Removes a manager's declaration; one in the configuration stays until the configuration changes. */
    void withdraw(String topic) {
        if (jdbc.sql("delete from outside_topic where topic = ?").param(topic).update() == 1) {
            return;
        }
        if (configured.topics().contains(topic)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Topic '" + topic + "' is declared in the configuration (permanence.outside-workers.topics): remove it there");
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No topic '" + topic + "' declared served outside");
    }

    private static OutsideTopic fromConfiguration(String topic) {
        return new OutsideTopic(topic, null, OutsideTopic.DeclaredIn.CONFIGURATION, null, null);
    }
}

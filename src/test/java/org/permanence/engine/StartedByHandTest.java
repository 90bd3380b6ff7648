package org.permanence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.people.engine.OfficeIdentity;

/**
 * The processes secretaries may start (their authorizations) are exactly those with a start form that
 * Tasklist offers under *Start process*; every other one is hidden there.
 */
@Tag("unit")
class StartedByHandTest {

    @Test
    void onlyTheProcessesWithAStartFormAreStartableInTasklist() throws IOException {
        Map<String, Boolean> startable;
        Map<String, Boolean> withStartForm;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            List<Process> processes = files.filter(file -> file.toString().endsWith(".bpmn")).map(StartedByHandTest::read)
                    .flatMap(model -> model.getModelElementsByType(Process.class).stream()).toList();
            startable = processes.stream().collect(Collectors.toMap(Process::getId, Process::isCamundaStartableInTasklist));
            withStartForm = processes.stream().collect(Collectors.toMap(Process::getId, process -> process.getChildElementsByType(StartEvent.class)
                    .stream().anyMatch(start -> start.getCamundaFormRef() != null)));
        }

        assertThat(startable).containsOnlyKeys(withStartForm.keySet());
        assertThat(startable.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey))
                .containsExactlyInAnyOrderElementsOf(OfficeIdentity.STARTED_BY_HAND);
        assertThat(withStartForm.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey))
                .containsExactlyInAnyOrderElementsOf(OfficeIdentity.STARTED_BY_HAND);
    }

    private static BpmnModelInstance read(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }
}

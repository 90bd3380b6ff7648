package org.permanence.modelling.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.modelling.WorkerTopics;

/** A decision table may read only what the process set before calling it: forms, workers, outputs. */
@Tag("unit")
class DecisionInputsTest {

    private final DecisionInputs inputs = new DecisionInputs(WorkerTopics.onClasspath());
    private final Function<String, Set<String>> packagedForms = formKey -> {
        try {
            return DeploymentGuard.formFields(Files.readAllBytes(Path.of("forms", formKey + ".form")));
        } catch (IOException missing) {
            return Set.of();
        }
    };

    @Test
    void theNamesOfAnInputExpressionAreItsVariables() {
        assertThat(DecisionInputs.variablesRead("mood")).containsExactly("mood");
        assertThat(DecisionInputs.variablesRead("mood = \"angry\" and not(lineKnown) or caller.name != null"))
                .containsExactly("mood", "lineKnown", "caller");
        assertThat(DecisionInputs.variablesRead("${date(receivedAt)}")).containsExactly("receivedAt");
        assertThat(DecisionInputs.variablesRead("'a string with words'")).isEmpty();
    }

    @Test
    void thePackagedRoutingTableReadsOnlyWhatTheCallIntakeSetsBeforeIt() throws IOException {
        BusinessRuleTask routeCall = callIntake().getModelElementById("RouteCall");
        Decision packaged = decision(routing());

        assertThat(inputs.knownAt(routeCall, packagedForms))
                .contains("lineKnown", "clientMessageDelivery", "category", "mood", "dialledNumber", "callerName");
        assertThat(inputs.problems(routeCall, (key, binding) -> Optional.of(packaged), packagedForms, DeploymentGuardTest.ENGLISH)).isEmpty();
    }

    @Test
    void aTableReadingANameNothingSetsIsRefusedWithTableInputAndName() throws IOException {
        BusinessRuleTask routeCall = callIntake().getModelElementById("RouteCall");
        DmnModelInstance typo = Dmn.readModelFromStream(new ByteArrayInputStream(routing().replace("<text>mood</text>",
                "<text>humeur</text>").getBytes(StandardCharsets.UTF_8)));

        assertThat(inputs.problems(routeCall, (key, binding) -> Optional.of(decision(typo)), packagedForms, DeploymentGuardTest.ENGLISH))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.elementId()).isEqualTo("RouteCall");
                    assertThat(problem.message()).startsWith("\"Choisir la suite selon les règles du client\" (RouteCall) calls decision table"
                            + " \"Suite à donner à un appel\" (call-routing), whose input \"Humeur de l'appelant\" (MoodInput) reads"
                            + " \"humeur\", which no step before this task sets; set here: ").contains("mood");
                });
    }

    @Test
    void aVariableSetOnlyAfterTheTaskDoesNotCount() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(30).startEvent()
                .businessRuleTask("Decide").camundaDecisionRef("d")
                .serviceTask("Later").camundaExternalTask("identify-caller").endEvent().done();

        assertThat(inputs.knownAt(model.getModelElementById("Decide"), packagedForms)).doesNotContain("lineKnown");
    }

    @Test
    void aWorkerOutputAnOutputParameterOrAResultVariableBeforeTheTaskCounts() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(30).startEvent()
                .serviceTask("Identify").camundaExternalTask("identify-caller")
                .scriptTask("Score").scriptFormat("groovy").scriptText("1").camundaResultVariable("score")
                .userTask("Ask").camundaCandidateGroups("secretaries").camundaOutputParameter("answer", "${x}")
                .businessRuleTask("Decide").camundaDecisionRef("d").camundaInputParameter("today", "${now()}")
                .endEvent().done();

        assertThat(inputs.knownAt(model.getModelElementById("Decide"), packagedForms))
                .contains("lineKnown", "clientId", "score", "answer", "today");
    }

    @Test
    void aTableNeitherDeployedWithTheDiagramNorBeforeIsNamed() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(30).startEvent()
                .businessRuleTask("Decide").name("Décider").camundaDecisionRef("triage").camundaDecisionRefBinding("deployment")
                .endEvent().done();

        assertThat(inputs.problems(model.getModelElementById("Decide"), (key, binding) -> Optional.empty(), packagedForms,
                DeploymentGuardTest.ENGLISH))
                .singleElement().satisfies(problem -> assertThat(problem.message()).isEqualTo("\"Décider\" (Decide) calls decision"
                        + " table \"triage\", which is not in this deployment: deploy its .dmn file together with the diagram"));
    }

    private static BpmnModelInstance callIntake() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("processes", "call-intake.bpmn"))) {
            return Bpmn.readModelFromStream(in);
        }
    }

    private static String routing() throws IOException {
        return Files.readString(Path.of("processes", "call-routing.dmn"));
    }

    private static Decision decision(String dmn) {
        return decision(Dmn.readModelFromStream(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))));
    }

    private static Decision decision(DmnModelInstance model) {
        return model.getModelElementsByType(Decision.class).iterator().next();
    }
}

package org.permanence.modelling.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.StartEventBuilder;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.modelling.WorkerTopics;
import org.permanence.system.ProblemTexts;

/** The guard's rules, one per test, on small models; and the packaged processes pass them all. */
@Tag("unit")
class DeploymentGuardTest {

    private static final Set<String> NO_FORMS = Set.of();
    static final GuardWords ENGLISH = new GuardWords(ProblemTexts.texts(), Locale.ENGLISH);
    private final DeploymentGuard guard = new DeploymentGuard(WorkerTopics.onClasspath(), () -> new TreeSet<>(Set.of("fax-send")),
            ProblemTexts.texts(), () -> Locale.ENGLISH);

    @Test
    void theWorkersTopicsAreFoundOnTheClasspath() {
        assertThat(WorkerTopics.onClasspath().topics()).contains("identify-caller", "record-call", "send-daily-summary");
    }

    @Test
    void anExternalTaskWhoseTopicNoWorkerHandlesIsNamed() {
        BpmnModelInstance model = process().serviceTask("SendFax").name("Envoyer un fax").camundaExternalTask("send-fax")
                .endEvent().done();

        assertThat(guard.problems(model, NO_FORMS, form -> false, ENGLISH)).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("SendFax");
            assertThat(problem.message()).startsWith("\"Envoyer un fax\" (SendFax) uses topic \"send-fax\", which no worker handles")
                    .contains("record-call");
        });
    }

    @Test
    void aKnownTopicPasses() {
        BpmnModelInstance model = process().serviceTask("RecordCall").camundaExternalTask("record-call").endEvent().done();

        assertThat(guard.problems(model, NO_FORMS, form -> false, ENGLISH)).isEmpty();
    }

    @Test
    void aTopicDeclaredServedOutsideTheJarPasses() {
        BpmnModelInstance model = process().serviceTask("SendFax").camundaExternalTask("fax-send").endEvent().done();

        assertThat(guard.problems(model, NO_FORMS, form -> false, ENGLISH)).isEmpty();
    }

    @Test
    void aTopicNobodyServesIsRefusedWithTheJarsAndTheDeclaredTopicsListed() {
        BpmnModelInstance model = process().serviceTask("SendFax").name("Envoyer un fax").camundaExternalTask("send-fax")
                .endEvent().done();

        assertThat(guard.problems(model, NO_FORMS, form -> false, ENGLISH)).singleElement().extracting(DeploymentProblem::message)
                .asString().contains("topics with a worker: ", "record-call")
                .endsWith("; topics declared served by outside workers: fax-send"
                        + " (a manager declares one with PUT /api/outside-topics/send-fax)");
        DeploymentGuard noneDeclared = new DeploymentGuard(WorkerTopics.onClasspath(), TreeSet::new, ProblemTexts.texts(),
                () -> Locale.FRENCH);
        assertThat(noneDeclared.problems(model, NO_FORMS, form -> false, new GuardWords(ProblemTexts.texts(), Locale.FRENCH)))
                .singleElement().extracting(DeploymentProblem::message).asString()
                .contains("; topics déclarés traités par un worker extérieur : aucun (un manager en déclare un par PUT");
    }

    @Test
    void aFormBoundToTheDeploymentMustBeDeployedWithTheDiagram() {
        BpmnModelInstance model = process().userTask("HandleCall").name("Traiter l'appel").camundaCandidateGroups("secretaries")
                .camundaFormRef("handle-call").camundaFormRefBinding("deployment").endEvent().done();

        assertThat(guard.problems(model, NO_FORMS, form -> true, ENGLISH)).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("HandleCall");
            assertThat(problem.message()).contains("shows form \"handle-call\", which is not in this deployment");
        });
        assertThat(guard.problems(model, Set.of("handle-call"), form -> false, ENGLISH)).isEmpty();
    }

    @Test
    void aFormBoundToTheLatestVersionMayHaveBeenDeployedBefore() {
        BpmnModelInstance model = process().userTask("HandleCall").camundaCandidateGroups("secretaries")
                .camundaFormRef("handle-call").camundaFormRefBinding("latest").endEvent().done();

        assertThat(guard.problems(model, NO_FORMS, "handle-call"::equals, ENGLISH)).isEmpty();
        assertThat(guard.problems(model, NO_FORMS, form -> false, ENGLISH)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("neither in this deployment nor deployed before"));
    }

    @Test
    void aStartFormIsCheckedToo() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(30)
                .startEvent("CallReceived").camundaFormRef("log-a-call").camundaFormRefBinding("deployment").endEvent().done();

        assertThat(guard.problems(model, NO_FORMS, form -> true, ENGLISH)).extracting(DeploymentProblem::elementId)
                .containsExactly("CallReceived");
    }

    @Test
    void aUserTaskNobodyWouldGetIsNamed() {
        BpmnModelInstance model = process().userTask("CallBack").name("Rappeler l'appelant").endEvent().done();

        assertThat(guard.problems(model, NO_FORMS, form -> false, ENGLISH)).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("CallBack");
            assertThat(problem.message()).isEqualTo("user task \"Rappeler l'appelant\" (CallBack) would reach nobody:"
                    + " set an assignee, candidate groups or candidate users");
        });
    }

    @Test
    void anAssigneeOrCandidateUsersAreEnough() {
        assertThat(guard.problems(process().userTask("A").camundaAssignee("${caller}").endEvent().done(), NO_FORMS, f -> false, ENGLISH))
                .isEmpty();
        assertThat(guard.problems(process().userTask("B").camundaCandidateUsers("nadia").endEvent().done(), NO_FORMS, f -> false, ENGLISH))
                .isEmpty();
    }

    @Test
    void aProcessWithoutHistoryTimeToLiveIsNamed() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("letters").name("Courriers")
                .camundaHistoryTimeToLiveString(null).startEvent().endEvent().done();

        assertThat(guard.problems(model, NO_FORMS, form -> false, ENGLISH)).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("letters");
            assertThat(problem.message()).contains("process \"Courriers\" (letters) has no history time-to-live");
        });
    }

    @Test
    void aDecisionWithoutHistoryTimeToLiveIsNamed() {
        DmnModelInstance table = Dmn.readModelFromStream(new ByteArrayInputStream(("""
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
                  <decision id="routing" name="Suite à donner"><decisionTable id="t"><output id="o" typeRef="string"/></decisionTable></decision>
                </definitions>""").getBytes(StandardCharsets.UTF_8)));

        assertThat(DeploymentGuard.problems(table, ENGLISH)).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("routing");
            assertThat(problem.message()).startsWith("decision \"Suite à donner\" (routing) has no history time-to-live");
        });
    }

    @Test
    void aFrenchManagerReadsTheDecisionsProblemInFrench() {
        DmnModelInstance table = Dmn.readModelFromStream(new ByteArrayInputStream(("""
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
                  <decision id="routing" name="Suite à donner"><decisionTable id="t"><output id="o" typeRef="string"/></decisionTable></decision>
                </definitions>""").getBytes(StandardCharsets.UTF_8)));

        assertThat(DeploymentGuard.problems(table, new GuardWords(ProblemTexts.texts(), Locale.FRENCH))).singleElement()
                .extracting(DeploymentProblem::message).isEqualTo("La décision « Suite à donner » (routing) n’a pas de durée de"
                        + " conservation de l’historique : renseignez « History cleanup > Time to live » (nombre de jours pendant"
                        + " lesquels ses évaluations sont conservées)");
    }

    @Test
    void everyProblemIsListedNotJustTheFirst() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("bad").camundaHistoryTimeToLiveString(null).startEvent()
                .serviceTask("Fax").camundaExternalTask("send-fax").userTask("Nobody").endEvent().done();

        assertThat(guard.problems(model, NO_FORMS, form -> false, ENGLISH)).extracting(DeploymentProblem::elementId)
                .containsExactlyInAnyOrder("bad", "Fax", "Nobody");
    }

    @Test
    void thePackagedProcessesPass() throws IOException {
        Set<String> packagedForms;
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            packagedForms = forms.map(form -> form.getFileName().toString().replace(".form", "")).collect(Collectors.toSet());
        }
        for (Path bpmn : List.of(Path.of("processes", "call-intake.bpmn"), Path.of("processes", "daily-summary.bpmn"),
                Path.of("processes", "appointment-confirmation.bpmn"))) {
            try (InputStream in = Files.newInputStream(bpmn)) {
                assertThat(guard.problems(Bpmn.readModelFromStream(in), packagedForms, form -> false, ENGLISH)).as(bpmn.toString()).isEmpty();
            }
        }
        try (InputStream in = Files.newInputStream(Path.of("processes", "call-routing.dmn"))) {
            assertThat(DeploymentGuard.problems(Dmn.readModelFromStream(in), ENGLISH)).isEmpty();
        }
    }

    private static StartEventBuilder process() {
        return Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(30).startEvent();
    }
}

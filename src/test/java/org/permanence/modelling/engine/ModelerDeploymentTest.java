package org.permanence.modelling.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.WORKER_PASSWORD;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.permanence.ModelerDeployment;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.manage.engine.PageTexts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deploying from Camunda Modeler through the REST API: managers may, secretaries and the workers'
 * service account may not, and a bad diagram is refused with its elements named, in the manager's
 * language (her profile's, else her Modeler's French or English, else English). The processes
 * deployed here have keys of their own, so the other tests' call-intake stays as packaged.
 */
@OfficeIntegrationTest
class ModelerDeploymentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base = SharedNode.baseUrl();

    @Autowired
    RepositoryService repository;

    @Autowired
    IdentityService identity;

    @Test
    void aManagerDeploys() throws Exception {
        HttpResponse<String> deployed = ModelerDeployment.named("nadia-check").file("nadia-check.bpmn", harmless("nadia-check"))
                .deployAs(base, "nadia", DEMO_PASSWORD);

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String deploymentId = JSON.readTree(deployed.body()).get("id").asText();
        try {
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("nadia-check").singleResult().getDeploymentId())
                    .isEqualTo(deploymentId);
        } finally {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void aSecretaryMayNotDeploy() throws Exception {
        HttpResponse<String> refused = ModelerDeployment.named("claire-check").file("claire-check.bpmn", harmless("claire-check"))
                .deployAs(base, "claire", DEMO_PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.get("type").asText()).isEqualTo("AuthorizationException");
        assertThat(body.get("message").asText()).contains("claire").contains("CREATE").contains("Deployment");
        assertThat(repository.createDeploymentQuery().deploymentName("claire-check").count()).isZero();
    }

    @Test
    void theWorkersServiceAccountMayNotDeploy() throws Exception {
        HttpResponse<String> refused = ModelerDeployment.named("worker-check").file("worker-check.bpmn", harmless("worker-check"))
                .deployAs(base, "permanence-worker", WORKER_PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("message").asText()).contains("permanence-worker").contains("CREATE");
        assertThat(repository.createDeploymentQuery().deploymentName("worker-check").count()).isZero();
    }

    @Test
    void aBadDiagramIsRefusedWithEachElementNamed() throws Exception {
        BpmnModelInstance bad = Bpmn.createExecutableProcess("faxes").name("Fax").camundaHistoryTimeToLiveString(null)
                .startEvent()
                .serviceTask("SendFax").name("Envoyer le fax").camundaExternalTask("send-fax")
                .userTask("CheckFax").name("Vérifier le fax").camundaFormRef("check-fax").camundaFormRefBinding("deployment")
                .endEvent().done();

        HttpResponse<String> refused = ModelerDeployment.named("faxes").file("faxes.bpmn", Bpmn.convertToString(bad))
                .deployAs(base, "nadia", DEMO_PASSWORD);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.get("type").asText()).isEqualTo("ParseException");
        assertThat(body.get("message").asText()).startsWith("The deployment was refused, nothing was deployed: faxes.bpmn faxes: ");
        JsonNode errors = body.get("details").get("faxes.bpmn").get("errors");
        assertThat(errors.findValuesAsText("mainElementId")).containsExactlyInAnyOrder("faxes", "SendFax", "CheckFax", "CheckFax");
        assertThat(errors.findValuesAsText("message")).contains(
                "process \"Fax\" (faxes) has no history time-to-live: set \"History cleanup > Time to live\" (days a case is kept)",
                "user task \"Vérifier le fax\" (CheckFax) would reach nobody: set an assignee, candidate groups or candidate users");
        assertThat(errors.findValuesAsText("message")).anySatisfy(message -> assertThat(message)
                .startsWith("\"Envoyer le fax\" (SendFax) uses topic \"send-fax\", which no worker handles"));
        assertThat(repository.createDeploymentQuery().deploymentName("faxes").count()).isZero();
    }

    @Test
    void aManagerWhoseModelerAsksForFrenchReadsEveryProblemInFrench() throws Exception {
        HttpResponse<String> refused = everyKindOfProblem("faxes-fr").acceptLanguage("fr-FR,fr;q=0.9,en;q=0.8")
                .deployAs(base, "nadia", DEMO_PASSWORD);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.get("type").asText()).isEqualTo("ParseException");
        assertThat(body.get("message").asText()).startsWith("Le déploiement a été refusé, rien n’a été déployé : faxes.bpmn faxes : "
                + "Le processus « Fax » (faxes) n’a pas de durée de conservation de l’historique");
        JsonNode errors = body.get("details").get("faxes.bpmn").get("errors");
        assertThat(errors.findValuesAsText("mainElementId")).containsExactlyInAnyOrder("faxes", "SendFax", "CheckFax", "CheckFax", "Decide");
        List<String> messages = errors.findValuesAsText("message");
        assertThat(messages).contains(
                "Le processus « Fax » (faxes) n’a pas de durée de conservation de l’historique : renseignez"
                        + " « History cleanup > Time to live » (nombre de jours pendant lesquels un dossier est conservé)",
                "La tâche utilisateur « Vérifier le fax » (CheckFax) n’atteindrait personne : indiquez un responsable, des groupes"
                        + " ou des utilisateurs candidats",
                "« Vérifier le fax » (CheckFax) affiche le formulaire « check-fax », qui n’est pas dans ce déploiement : déployez"
                        + " check-fax.form avec le diagramme (Camunda Modeler : « Include additional files »)");
        assertThat(messages).anySatisfy(message -> assertThat(message)
                .startsWith("« Envoyer le fax » (SendFax) utilise le topic « send-fax », qu’aucun worker ne traite ;"
                        + " topics traités par un worker : ").contains("record-call"));
        assertThat(messages).anySatisfy(message -> assertThat(message)
                .startsWith("« Trier » (Decide) appelle la table de décision « Tri » (faxes-table), dont l’entrée « Humeur » (MoodInput)"
                        + " lit « humeur », qu’aucune étape avant cette tâche ne renseigne"));
        assertThat(messages).noneSatisfy(message -> assertThat(message).containsAnyOf("would reach nobody", "which", "set "));
        assertThat(repository.createDeploymentQuery().deploymentName("faxes-fr").count()).isZero();
    }

    @Test
    void theProfilesFrenchComesBeforeAnEnglishBrowser() throws Exception {
        String before = identity.getUserInfo("nadia", PageTexts.PROFILE_LANGUAGE);
        identity.setUserInfo("nadia", PageTexts.PROFILE_LANGUAGE, "fr");
        try {
            HttpResponse<String> refused = everyKindOfProblem("faxes-profile").acceptLanguage("en-GB,en;q=0.9")
                    .deployAs(base, "nadia", DEMO_PASSWORD);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("details").get("faxes.bpmn").get("errors").findValuesAsText("message"))
                    .contains("La tâche utilisateur « Vérifier le fax » (CheckFax) n’atteindrait personne : indiquez un responsable,"
                            + " des groupes ou des utilisateurs candidats");
        } finally {
            if (before == null) {
                identity.deleteUserInfo("nadia", PageTexts.PROFILE_LANGUAGE);
            } else {
                identity.setUserInfo("nadia", PageTexts.PROFILE_LANGUAGE, before);
            }
        }
        assertThat(repository.createDeploymentQuery().deploymentName("faxes-profile").count()).isZero();
    }

    @Test
    void aModelerAskingForEnglishReadsTheProblemsInEnglish() throws Exception {
        HttpResponse<String> refused = everyKindOfProblem("faxes-en").acceptLanguage("en").deployAs(base, "nadia", DEMO_PASSWORD);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.get("message").asText()).startsWith("The deployment was refused, nothing was deployed: faxes.bpmn faxes: ");
        assertThat(body.get("details").get("faxes.bpmn").get("errors").findValuesAsText("message")).contains(
                "process \"Fax\" (faxes) has no history time-to-live: set \"History cleanup > Time to live\" (days a case is kept)",
                "user task \"Vérifier le fax\" (CheckFax) would reach nobody: set an assignee, candidate groups or candidate users")
                .anySatisfy(message -> assertThat(message).startsWith("\"Trier\" (Decide) calls decision table \"Tri\" (faxes-table),"
                        + " whose input \"Humeur\" (MoodInput) reads \"humeur\", which no step before this task sets"));
        assertThat(repository.createDeploymentQuery().deploymentName("faxes-en").count()).isZero();
    }

    /**
     * A diagram with a problem of each kind: no history time-to-live, a topic no worker handles, a form not
     * deployed, a task nobody would get, a table input nothing sets.
     */
    private static ModelerDeployment everyKindOfProblem(String deploymentName) {
        BpmnModelInstance bad = Bpmn.createExecutableProcess("faxes").name("Fax").camundaHistoryTimeToLiveString(null)
                .startEvent()
                .serviceTask("SendFax").name("Envoyer le fax").camundaExternalTask("send-fax")
                .userTask("CheckFax").name("Vérifier le fax").camundaFormRef("check-fax").camundaFormRefBinding("deployment")
                .businessRuleTask("Decide").name("Trier").camundaDecisionRef("faxes-table").camundaDecisionRefBinding("deployment")
                .camundaResultVariable("action").camundaMapDecisionResult("singleEntry")
                .endEvent().done();
        return ModelerDeployment.named(deploymentName).file("faxes.bpmn", Bpmn.convertToString(bad))
                .file("faxes.dmn", triageTable("faxes-table", "humeur"));
    }

    @Test
    void aTableReadingAVariableTheDiagramNeverSetsIsRefusedWithTableInputAndName() throws Exception {
        HttpResponse<String> refused = ModelerDeployment.named("triage").file("triage.bpmn", triageProcess("triage", "deployment"))
                .file("triage.dmn", triageTable("triage-table", "humeur")).deployAs(base, "nadia", DEMO_PASSWORD);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(refused.body()).get("details").get("triage.bpmn").get("errors");
        assertThat(errors.findValuesAsText("mainElementId")).containsExactly("Decide");
        assertThat(errors.findValuesAsText("message")).singleElement().asString().startsWith("\"Trier\" (Decide) calls decision table"
                + " \"Tri\" (triage-table), whose input \"Humeur\" (MoodInput) reads \"humeur\", which no step before this task sets;"
                + " set here: mood");
        assertThat(repository.createDeploymentQuery().deploymentName("triage").count()).isZero();
    }

    @Test
    void aTableDeployedAloneMustFitTheProcessesThatCallItsLatestVersion() throws Exception {
        HttpResponse<String> first = ModelerDeployment.named("triage-latest")
                .file("triage-latest.bpmn", triageProcess("triage-latest", "latest"))
                .file("triage-latest.dmn", triageTable("triage-latest-table", "mood")).deployAs(base, "nadia", DEMO_PASSWORD);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        try {
            HttpResponse<String> refused = ModelerDeployment.named("triage-latest-table")
                    .file("triage-latest.dmn", triageTable("triage-latest-table", "humeur")).deployAs(base, "nadia", DEMO_PASSWORD);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("details").get("triage-latest.dmn").get("errors").findValuesAsText("message"))
                    .singleElement().asString().startsWith("decision table \"Tri\" (triage-latest-table): input \"Humeur\" (MoodInput)"
                            + " reads \"humeur\", which process \"Tri\" (triage-latest) does not set before \"Trier\" (Decide)");
        } finally {
            repository.deleteDeployment(JSON.readTree(first.body()).get("id").asText(), true);
        }
    }

    private static String triageProcess(String key, String tableBinding) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(key).name("Tri").camundaHistoryTimeToLive(1).startEvent()
                .userTask("Ask").name("Demander l'humeur").camundaCandidateGroups("managers")
                .camundaFormField().camundaId("mood").camundaType("string").camundaFormFieldDone()
                .businessRuleTask("Decide").name("Trier").camundaDecisionRef(key + "-table").camundaDecisionRefBinding(tableBinding)
                .camundaResultVariable("action").camundaMapDecisionResult("singleEntry")
                .endEvent().done());
    }

    private static String triageTable(String key, String inputExpression) {
        return """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="d" name="Tri" namespace="https://permanence.org/decisions">
                  <decision id="%s" name="Tri" camunda:historyTimeToLive="1">
                    <decisionTable id="t">
                      <input id="MoodInput" label="Humeur"><inputExpression id="e" typeRef="string"><text>%s</text></inputExpression></input>
                      <output id="o" name="action" typeRef="string"/>
                      <rule id="r"><inputEntry id="i"><text></text></inputEntry><outputEntry id="a"><text>"none"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>""".formatted(key, inputExpression);
    }

    private static String harmless(String key) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent().endEvent().done());
    }
}

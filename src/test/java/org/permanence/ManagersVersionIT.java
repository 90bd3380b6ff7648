package org.permanence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * A manager's redesign of call-intake, deployed from Modeler, takes the new calls; a call already
 * running finishes on its version; and a restart of the node does not deploy the packaged diagram
 * over hers (the starter deploys the packaged files under its own deployment name and only when
 * they changed from its previous deployment).
 */
@Tag("jar")
class ManagersVersionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HER_NAME = "Prise d'appel (version de Nadia)";

    @Test
    void newCallsUseHerVersionRunningOnesKeepTheirsAndARestartKeepsHers() throws Exception {
        Path dataDir = TestOffice.newDataDir();
        Map<String, Object> settings = TestOffice.nodeProperties(dataDir);
        settings.put("permanence.storage.secret-key", "managers-version-Secret-1");

        int herVersion;
        try (JarNode node = JarNode.start("managers-version-first", settings)) {
            // version 1 on a new database; a later one when the build shares its PostgreSQL with earlier tests
            JsonNode current = latestCallIntake(node);
            herVersion = current.get("version").asInt() + 1;
            String before = startCall(node);

            HttpResponse<String> deployed = herRedesign().deployAs(node.baseUrl(), "nadia", DEMO_PASSWORD);
            assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

            JsonNode hers = latestCallIntake(node);
            assertThat(hers.get("version").asInt()).isEqualTo(herVersion);
            assertThat(hers.get("name").asText()).isEqualTo(HER_NAME);
            assertThat(definitionOf(node, startCall(node))).as("a new call").isEqualTo(hers.get("id").asText());
            assertThat(definitionOf(node, before)).as("the call started before").isEqualTo(current.get("id").asText());
        }

        try (JarNode restarted = JarNode.start("managers-version-second", settings)) {
            JsonNode latest = latestCallIntake(restarted);
            assertThat(latest.get("version").asInt()).as("no packaged version deployed over hers").isEqualTo(herVersion);
            assertThat(latest.get("name").asText()).isEqualTo(HER_NAME);
        }
    }

    /** Her call-intake with a new name, deployed as Modeler does it: with its forms and its decision table. */
    private static ModelerDeployment herRedesign() throws Exception {
        String diagram = Files.readString(Path.of("processes", "call-intake.bpmn"))
                .replace("<bpmn:process id=\"call-intake\" name=\"Prise d'appel\"", "<bpmn:process id=\"call-intake\" name=\"" + HER_NAME + "\"");
        ModelerDeployment deployment = ModelerDeployment.named("call-intake").file("call-intake.bpmn", diagram)
                .packaged(Path.of("processes", "call-routing.dmn"));
        try (var forms = Files.list(Path.of("forms"))) {
            forms.sorted().forEach(deployment::packaged);
        }
        return deployment;
    }

    private static JsonNode latestCallIntake(JarNode node) throws Exception {
        HttpResponse<String> definition = call("GET", node.baseUrl() + "/engine-rest/process-definition/key/call-intake",
                "nadia", DEMO_PASSWORD, null);
        assertThat(definition.statusCode()).as(definition.body()).isEqualTo(200);
        return JSON.readTree(definition.body());
    }

    private static String startCall(JarNode node) throws Exception {
        HttpResponse<String> started = call("POST", node.baseUrl() + "/engine-rest/process-definition/key/call-intake/start",
                "sophie", DEMO_PASSWORD, "{\"variables\":{\"dialledNumber\":{\"value\":\"04 78 12 34 56\"},"
                        + "\"callerNumber\":{\"value\":\"06 11 22 33 44\"}}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        return JSON.readTree(started.body()).get("id").asText();
    }

    private static String definitionOf(JarNode node, String processInstanceId) throws Exception {
        return JSON.readTree(call("GET", node.baseUrl() + "/engine-rest/history/process-instance/" + processInstanceId,
                "nadia", DEMO_PASSWORD, null).body()).get("processDefinitionId").asText();
    }
}

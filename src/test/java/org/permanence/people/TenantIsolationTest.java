package org.permanence.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.WORKER_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.onboarding.engine.DemoOffice;
import org.springframework.beans.factory.annotation.Autowired;

/** A secretary sees her clients' work and nothing else, through every REST endpoint. */
@OfficeIntegrationTest
class TenantIsolationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base = SharedNode.baseUrl();

    @Autowired
    IdentityService identity;

    @BeforeAll
    static void demoCallsAreWaiting() throws Exception {
        // the demo starts one call per client; the identify-caller worker must have run for each
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (tenantsOfTasks("nadia").size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    @Test
    void secretariesSeeOnlyTheTasksOfTheClientsTheyServe() throws Exception {
        assertThat(tenantsOfTasks("claire")).containsExactlyInAnyOrder(DemoOffice.GP, DemoOffice.PLUMBER);
        assertThat(tenantsOfTasks("sophie")).containsExactlyInAnyOrder(DemoOffice.LAWYER, DemoOffice.PLUMBER);
        assertThat(tenantsOfTasks("nadia")).containsExactlyInAnyOrder(DemoOffice.GP, DemoOffice.LAWYER, DemoOffice.PLUMBER);
    }

    @Test
    void aSecretaryCannotReadAnotherClientsProcessInstanceOrVariables() throws Exception {
        String lawyersInstance = list(call("GET", base + "/engine-rest/process-instance?tenantIdIn=" + DemoOffice.LAWYER,
                "nadia", DEMO_PASSWORD, null)).get(0).get("id").toString();

        assertThat(list(call("GET", base + "/engine-rest/process-instance?tenantIdIn=" + DemoOffice.LAWYER,
                "claire", DEMO_PASSWORD, null))).isEmpty();
        // the engine refuses with its own error (ENGINE-13034, answered as a 500), never with the data
        HttpResponse<String> variables = call("GET", base + "/engine-rest/process-instance/" + lawyersInstance + "/variables",
                "claire", DEMO_PASSWORD, null);
        assertThat(variables.statusCode()).isNotEqualTo(200);
        assertThat(variables.body()).contains("belongs to no authenticated tenant").doesNotContain("dialledNumber");
        String lawyersTask = list(call("GET", base + "/engine-rest/task?tenantIdIn=" + DemoOffice.LAWYER,
                "nadia", DEMO_PASSWORD, null)).get(0).get("id").toString();
        HttpResponse<String> claim = call("POST", base + "/engine-rest/task/" + lawyersTask + "/claim", "claire", DEMO_PASSWORD,
                "{\"userId\": \"claire\"}");
        assertThat(claim.body()).contains("belongs to no authenticated tenant");
        assertThat(list(call("GET", base + "/engine-rest/history/process-instance?tenantIdIn=" + DemoOffice.LAWYER,
                "claire", DEMO_PASSWORD, null))).isEmpty();
    }

    @Test
    void theEngineRestApiRefusesAnonymousAndWrongPasswords() {
        // a user of her own, so a wrong password spends no one else's sign-in budget (the engine locks nobody: SignInThrottleTest)
        if (identity.createUserQuery().userId("locked-out").count() == 0) {
            User user = identity.newUser("locked-out");
            user.setPassword("her-Password-1");
            identity.saveUser(user);
        }
        assertThat(call("GET", base + "/engine-rest/task", null, null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", base + "/engine-rest/task", "locked-out", "not-her-password", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", base + "/engine-rest/task", "nobody", "whatever", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", base + "/engine-rest/process-definition", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theApplicationApiRefusesAnonymousAndShowsEachSecretaryHerClients() throws Exception {
        assertThat(call("GET", base + "/api/clients", null, null, null).statusCode()).isEqualTo(401);

        Set<String> claires = list(call("GET", base + "/api/clients", "claire", DEMO_PASSWORD, null)).stream()
                .map(client -> client.get("id").toString()).collect(Collectors.toSet());
        assertThat(claires).contains(DemoOffice.GP, DemoOffice.PLUMBER).doesNotContain(DemoOffice.LAWYER);
        assertThat(call("GET", base + "/api/clients/" + DemoOffice.LAWYER, "claire", DEMO_PASSWORD, null).statusCode())
                .isEqualTo(404);
        assertThat(call("GET", base + "/api/clients/" + DemoOffice.GP, "claire", DEMO_PASSWORD, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theWorkersServiceAccountCannotReadTasks() throws Exception {
        HttpResponse<String> tasks = call("GET", base + "/engine-rest/task", "permanence-worker",
                WORKER_PASSWORD, null);
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(list(tasks)).isEmpty();
    }

    private static Set<Object> tenantsOfTasks(String user) throws Exception {
        return list(call("GET", SharedNode.baseUrl() + "/engine-rest/task?processDefinitionKey=call-intake", user, DEMO_PASSWORD, null))
                .stream().map(task -> task.get("tenantId")).collect(Collectors.toSet());
    }

    private static List<Map<String, Object>> list(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), new TypeReference<>() {
        });
    }
}

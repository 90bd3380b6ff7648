package org.permanence.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.WORKER_PASSWORD;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.permanence.OfficeIntegrationTest;
import org.permanence.RingingCalls;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.permanence.people.engine.OfficeIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Strangers guessing passwords, as they would: they are refused with 429 past a budget, unchecked, and lock
 * nobody out; the workers keep taking calls, the managers keep signing in. Each attack comes from a loopback
 * address of its own ({@link FromAddress}) so the other tests' 127.0.0.1 keeps its budget.
 */
@OfficeIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKER = "permanence-worker";
    private static final String PLUMBER_LINE = "+33556987654";
    private final String base = SharedNode.baseUrl();

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    OfficeIdentity office;

    @Test
    void aThousandWrongPasswordsForTheWorkersAccountEndIn429AndCallsStillReachHandleCall(CapturedOutput output) throws Exception {
        FromAddress attacker = new FromAddress("127.0.0.2");
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean callTaken = new AtomicBoolean();
        ExecutorService guessers = Executors.newFixedThreadPool(4);
        List<Future<List<FromAddress.Answer>>> running = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            running.add(guessers.submit(() -> {
                List<FromAddress.Answer> answers = new ArrayList<>();
                // a thousand guesses at least, and until a call rang and was taken while they ran
                for (int i = sent.getAndIncrement(); i < 1000 || !callTaken.get(); i = sent.getAndIncrement()) {
                    answers.add(attacker.send("GET", base + "/engine-rest/version", Map.of(
                            "Authorization", basic(WORKER, "guess-" + i),
                            "Accept-Language", i % 2 == 0 ? "fr-FR,fr;q=0.9" : "en-GB"), null));
                }
                return answers;
            }));
        }
        Task during = RingingCalls.callToHandle(runtime, tasks, PLUMBER_LINE);
        callTaken.set(true);
        List<FromAddress.Answer> answers = new ArrayList<>();
        for (Future<List<FromAddress.Answer>> guesser : running) {
            answers.addAll(guesser.get());
        }
        guessers.shutdown();

        assertThat(during.getName()).startsWith("Traiter l'appel");
        assertThat(answers).hasSizeGreaterThanOrEqualTo(1000).allSatisfy(answer ->
                assertThat(answer.status()).isIn(401, 429));
        // the budget of one address for one user: a handful of passwords checked, the rest refused unchecked
        assertThat(answers.stream().filter(answer -> answer.status() == 401)).hasSizeLessThanOrEqualTo(6);
        FromAddress.Answer refused = answers.get(answers.size() - 1);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("type").asText()).isEqualTo("urn:permanence:sign-in-throttled");
        assertThat(answers.stream().filter(answer -> answer.status() == 429).map(answer -> answer.header("Content-Language")))
                .contains("fr", "en");
        FromAddress.Answer inFrench = answers.stream().filter(answer -> "fr".equals(answer.header("Content-Language")))
                .findFirst().orElseThrow();
        assertThat(JSON.readTree(inFrench.body()).get("detail").asText()).startsWith("Trop de connexions échouées depuis votre adresse");

        // not locked: the right password works, in the engine and from the very address that is refused
        assertThat(identity.checkPassword(WORKER, WORKER_PASSWORD)).isTrue();
        assertThat(attacker.send("GET", base + "/engine-rest/version", Map.of("Authorization", basic(WORKER, WORKER_PASSWORD)), null)
                .status()).as("the workers' credentials signed in before: they pass").isEqualTo(200);
        assertThat(attacker.send("GET", base + "/engine-rest/version", Map.of("Authorization", basic(WORKER, "guess-again")), null)
                .status()).isEqualTo(429);
        assertThat(RingingCalls.callToHandle(runtime, tasks, PLUMBER_LINE).getName()).startsWith("Traiter l'appel");

        // the parts of health and their details are for managers (and the metrics group)
        JsonNode health = JSON.readTree(TestOffice.call("GET", base + "/actuator/health", "nadia", TestOffice.DEMO_PASSWORD, null).body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode signIns = health.at("/components/signIns");
        assertThat(signIns.get("status").asText()).isEqualTo("UP");
        assertThat(signIns.at("/details/throttledUsers").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(signIns.at("/details/failedSignIns").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(signIns.at("/details/refusedSignIns").asLong()).isGreaterThanOrEqualTo(990);
        assertThat(output.getOut()).contains("Sign-in refused unchecked, too many failures: from '127.0.0.2' as 'permanence-worker'");
    }

    @Test
    void guessingAManagersPasswordAtTheTasklistLoginEndsIn429AndSheSignsInAtOnce() throws Exception {
        FromAddress sharedAddress = new FromAddress("127.0.0.3");
        // nadia signed in this morning from the office's address, which a stranger now uses too
        assertThat(login(sharedAddress, "nadia", DEMO_PASSWORD).status()).isEqualTo(200);

        List<FromAddress.Answer> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            guesses.add(login(sharedAddress, "nadia", "guess-" + i));
        }
        assertThat(guesses.subList(0, 5)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(401));
        assertThat(guesses.subList(5, 30)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(429);
            assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 60L);
        });

        // the login's address decorated or encoded is the same login to the container, and refused the same
        assertThat(login(sharedAddress, "/camunda/api/admin/auth/user/default/login;x=y/tasklist", "nadia", "guess").status())
                .isEqualTo(429);
        assertThat(login(sharedAddress, "/camunda/api/admin/auth/user/default/%6Cogin/tasklist", "nadia", "guess").status())
                .isEqualTo(429);

        FromAddress.Answer nadia = login(sharedAddress, "nadia", DEMO_PASSWORD);
        assertThat(nadia.status()).as(nadia.body()).isEqualTo(200);
        assertThat(JSON.readTree(nadia.body()).get("userId").asText()).isEqualTo("nadia");
        assertThat(identity.checkPassword("nadia", DEMO_PASSWORD)).isTrue();
    }

    @Test
    void aManagerWhoHasNotSignedInYetWaitsOutTheRefusalThenSignsIn() {
        office.user("odile", "Odile", "Remplaçante", "odile@permanence.local", "odile-Secret-1", List.of(Groups.MANAGERS));
        FromAddress sharedAddress = new FromAddress("127.0.0.4");
        for (int i = 0; i < 5; i++) {
            assertThat(login(sharedAddress, "odile", "guess-" + i).status()).isEqualTo(401);
        }
        // her right password is not even checked while the address is refused for her
        FromAddress.Answer refused = login(sharedAddress, "odile", "odile-Secret-1");
        assertThat(refused.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        long refusedAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(retryAfter + 30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> login(sharedAddress, "odile", "odile-Secret-1").status() == 200);
        assertThat(Duration.ofNanos(System.nanoTime() - refusedAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(retryAfter - 1));
        assertThat(identity.checkPassword("odile", "odile-Secret-1")).isTrue();
    }

    /** The client portal's sign-in checks passwords too: the same throttle, the same 429, its password unchecked. */
    @Test
    void guessingAtTheClientPortalsSignInEndsIn429() {
        FromAddress attacker = new FromAddress("127.0.0.6");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(attacker.send("POST", base + "/portail/connexion", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "username=assistante-du-dr&password=guess-" + i).status());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);
    }

    @Test
    void aStrangersUserNameReachesTheLogOnOneLine(CapturedOutput output) {
        FromAddress attacker = new FromAddress("127.0.0.5");
        String forged = "nadia\r\n2026-12-07 INFO forged line";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(attacker.send("GET", base + "/api/clients", Map.of("Authorization", basic(forged, "guess")), null).status());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);
        assertThat(output.getOut()).contains("as 'nadia\\u000d\\u000a2026-12-07 INFO forged line'")
                .doesNotContain("\n2026-12-07 INFO forged line");
    }

    /** Tasklist's login as the browser sends it: a page first (the session and its CSRF token), then the form. */
    private FromAddress.Answer login(FromAddress from, String user, String password) {
        return login(from, "/camunda/api/admin/auth/user/default/login/tasklist", user, password);
    }

    private FromAddress.Answer login(FromAddress from, String path, String user, String password) {
        FromAddress.Answer page = from.send("GET", base + "/camunda/app/tasklist/default/", Map.of(), null);
        Map<String, String> cookies = new LinkedHashMap<>();
        page.all("Set-Cookie").forEach(cookie -> {
            String pair = cookie.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        });
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
        headers.put("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
        headers.put("Origin", base);
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        return from.send("POST", base + path, headers,
                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

package org.permanence.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests are sign-ins, who they sign in as, and what their answers say. */
@Tag("unit")
class SignInAttemptTest {

    private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

    @Test
    void theTasklistLoginFormIsReadThenReplayedWholeToWhoeverChecksIt() throws Exception {
        MockHttpServletRequest form = post(LOGIN, "username=nadia&password=p%26ss%3Dw%C3%B6rd");

        SignInAttempt attempt = SignInAttempt.of(form).orElseThrow();

        assertThat(attempt.loginForm()).isTrue();
        assertThat(attempt.user()).isEqualTo("nadia");
        assertThat(attempt.password()).isEqualTo("p&ss=wörd");
        assertThat(new String(attempt.request().getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("username=nadia&password=p%26ss%3Dw%C3%B6rd");
        assertThat(attempt.request().getParameter("username")).isEqualTo("nadia");
        assertThat(attempt.request().getParameterMap()).containsKeys("username", "password");
    }

    @Test
    void theClientPortalsSignInIsOneTooAndItsRefusalCounts() throws Exception {
        SignInAttempt attempt = SignInAttempt.of(post("/portail/connexion", "username=assistante&password=guess")).orElseThrow();

        assertThat(attempt.loginForm()).isTrue();
        assertThat(attempt.user()).isEqualTo("assistante");
        assertThat(attempt.failedWith(401)).isTrue();
        // signed in: the portal sends her on to its page
        assertThat(attempt.failedWith(302)).isFalse();
        assertThat(SignInAttempt.of(post("/portail/absence", "username=assistante&password=guess"))).isEmpty();
    }

    @Test
    void aFormTooLongToBeALoginIsStillASignInOfNobodyInParticular() throws Exception {
        String padded = "username=nadia&password=x&padding=" + "a".repeat(10_000);
        SignInAttempt attempt = SignInAttempt.of(post(LOGIN, padded)).orElseThrow();

        assertThat(attempt.hasCredentials()).isFalse();
        assertThat(attempt.request().getInputStream().readAllBytes()).hasSize(padded.length());
    }

    @Test
    void basicCredentialsWhereNothingReadsThemAreNoSignIn() throws Exception {
        for (String path : new String[] {"/login/oauth2/code/office", "/oauth2/authorization/office", "/camunda/app/cockpit/default/"}) {
            MockHttpServletRequest basic = new MockHttpServletRequest("GET", path);
            basic.setServletPath(path);
            basic.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString("permanence-worker:right".getBytes(StandardCharsets.UTF_8)));
            assertThat(SignInAttempt.of(basic)).as(path).isEmpty();
        }
        MockHttpServletRequest api = new MockHttpServletRequest("GET", "/api/clients");
        api.setServletPath("/api/clients");
        api.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString("claire:guess".getBytes(StandardCharsets.UTF_8)));
        assertThat(SignInAttempt.of(api)).isPresent();
    }

    @Test
    void basicCredentialsAnywhereAreASignInAndNothingElseIs() throws Exception {
        MockHttpServletRequest basic = new MockHttpServletRequest("GET", "/engine-rest/version");
        basic.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString("permanence-worker:guess".getBytes(StandardCharsets.UTF_8)));
        assertThat(SignInAttempt.of(basic)).hasValueSatisfying(attempt -> {
            assertThat(attempt.user()).isEqualTo("permanence-worker");
            assertThat(attempt.loginForm()).isFalse();
        });
        MockHttpServletRequest garbled = new MockHttpServletRequest("GET", "/api/clients");
        garbled.addHeader("Authorization", "Basic !!!");
        assertThat(SignInAttempt.of(garbled)).hasValueSatisfying(attempt -> assertThat(attempt.user()).isNull());

        assertThat(SignInAttempt.of(new MockHttpServletRequest("GET", "/api/clients"))).isEmpty();
        MockHttpServletRequest loginPage = new MockHttpServletRequest("GET", LOGIN);
        loginPage.setServletPath(LOGIN);
        assertThat(SignInAttempt.of(loginPage)).isEmpty();
    }

    @Test
    void refusalsAreTheFailuresAndForbiddenActionsAreNot() {
        SignInAttempt form = new SignInAttempt(new MockHttpServletRequest(), true, "nadia", "x");
        SignInAttempt basic = new SignInAttempt(new MockHttpServletRequest(), false, "nadia", "x");

        assertThat(form.failedWith(401)).isTrue();
        assertThat(form.failedWith(403)).isTrue();
        assertThat(form.failedWith(204)).isFalse();
        assertThat(basic.failedWith(401)).isTrue();
        assertThat(basic.failedWith(302)).as("a page sending its reader to sign in").isTrue();
        assertThat(basic.refusedWith(302)).isFalse();
        assertThat(basic.failedWith(403)).as("signed in, refused an action").isFalse();
        assertThat(basic.failedWith(200)).isFalse();
    }

    private static MockHttpServletRequest post(String path, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        // the container's decoded path, as Tomcat gives it
        request.setServletPath(path);
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}

package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.permanence.security.OidcOffice;
import org.permanence.security.TestProvider;

/**
 * Signing in with the office's own accounts, in a real browser, through a real OpenID Connect provider
 * ({@link TestProvider}, started by the test): a secretary lands in Tasklist with her clients' tasks and
 * no other's, as the provider says which clients she serves (not as the engine had it before); a
 * manager gets Cockpit; removing her group at the provider refuses her very next request; signing out
 * ends the session here and at the provider.
 */
// a node of its own (OidcOffice), in a JVM of its own: see pom.xml, tests-with-a-node-of-their-own
@Tag("own-node")
@Tag("browser")
class ProviderSignInBrowserTest {

    private static final String GP = "cabinet-martin";
    private static final String PLUMBER = "plomberie-leroy";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static final HeadlessChromium browser = new HeadlessChromium();

    private static OidcOffice office;

    @BeforeAll
    static void startTheOffice() {
        office = OidcOffice.get();
    }

    /** Each test signs in afresh: no session here or at the provider (one host, so one cookie jar for both). */
    @BeforeEach
    void signedOutEverywhere() {
        // a file of the office's (no redirect to sign in, which would start a session), then no cookie at all
        browser.driver().get(office.baseUrl() + "/permanence.css");
        browser.driver().manage().deleteAllCookies();
        assertThat(browser.driver().manage().getCookies()).isEmpty();
        office.provider().setGroups("claire", List.of(TestProvider.SECRETARIES, "client:" + GP));
    }

    @Test
    void aSecretarySignsInAtTheProviderAndSeesOnlyHerClientsTasksInTasklist() {
        TaskService tasks = office.bean(TaskService.class);
        IdentityService identity = office.bean(IdentityService.class);
        // the demo office's calls; claire served the plumber too before the provider spoke for her
        await().atMost(Duration.ofSeconds(90)).until(() -> tasks.createTaskQuery().tenantIdIn(GP).count() > 0
                && tasks.createTaskQuery().tenantIdIn(PLUMBER).count() > 0);

        Tasklist tasklist = new Tasklist(browser, office.baseUrl() + "/camunda/app/tasklist/default/");
        signIn(office.baseUrl() + "/camunda/app/tasklist/default/", "claire");
        tasklist.awaitFilters();

        List<String> listed = tasklist.listedTaskIds();
        browser.screenshot("provider-sign-in-1-claire-tasklist");
        assertThat(listed).isNotEmpty();
        assertThat(listed).map(id -> tasks.createTaskQuery().taskId(id).singleResult()).extracting(Task::getTenantId)
                .containsOnly(GP);
        // the engine's identity follows the provider: the plumber is no longer hers
        assertThat(identity.createTenantQuery().userMember("claire").list()).extracting(Tenant::getId).containsExactly(GP);
        assertThat(sessionGet("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"claire\"").doesNotContain("cockpit");
        assertThat(sessionGet("/api/me/status").statusCode()).isEqualTo(200);
    }

    @Test
    void aManagerSignsInAtTheProviderAndGetsCockpit() {
        signIn(office.baseUrl() + "/camunda/app/cockpit/default/", "nadia");

        browser.waitUntil("Cockpit's dashboard", visibilityOfElementLocated(By.cssSelector(".dashboard .stats-section.process-instances")));
        browser.screenshot("provider-sign-in-2-nadia-cockpit");
        assertThat(browser.driver().getCurrentUrl()).startsWith(office.baseUrl() + "/camunda/app/cockpit/default/");
        assertThat(sessionGet("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"nadia\"").contains("cockpit");
        assertThat(sessionGet("/api/dashboard").statusCode()).isEqualTo(200);
    }

    @Test
    void removingHerGroupAtTheProviderRefusesHerNextRequest() {
        IdentityService identity = office.bean(IdentityService.class);
        signIn(office.baseUrl() + "/camunda/app/tasklist/default/", "claire");
        new Tasklist(browser, office.baseUrl() + "/camunda/app/tasklist/default/").awaitFilters();
        String session = sessionCookie();
        assertThat(get("/api/me/status", session).statusCode()).isEqualTo(200);

        office.provider().setGroups("claire", List.of("client:" + GP));

        assertThat(get("/api/me/status", session).statusCode()).isEqualTo(401);
        assertThat(get("/camunda/api/engine/engine/default/task/count", session).statusCode()).isEqualTo(401);
        // and the office gives her no more calls: she is no secretary, nor serves any client, in the engine either
        assertThat(identity.createGroupQuery().groupMember("claire").list()).extracting(Group::getId).doesNotContain("secretaries");
        assertThat(identity.createTenantQuery().userMember("claire").list()).isEmpty();
        // her browser is sent to the provider again, which now refuses her
        browser.driver().get(office.baseUrl() + "/camunda/app/tasklist/default/");
        browser.waitUntil("the office's refusal", driver -> driver.getPageSource().contains("secrétaires")
                || driver.getPageSource().contains("secretaries"));
        browser.screenshot("provider-sign-in-3-claire-refused");
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheProvider() {
        signIn(office.baseUrl() + "/camunda/app/tasklist/default/", "claire");
        new Tasklist(browser, office.baseUrl() + "/camunda/app/tasklist/default/").awaitFilters();
        String session = sessionCookie();
        browser.driver().get(office.baseUrl() + "/presence");
        browser.waitUntil("the presence page's token cookie", driver -> driver.manage().getCookieNamed("PERMANENCE-XSRF"));

        // the sign-out form our pages post (with the CSRF token, as any change of a signed-in browser)
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/logout';
                const token = document.createElement('input');
                token.name = '_csrf';
                token.value = document.cookie.split('; ').find(c => c.startsWith('PERMANENCE-XSRF=')).split('=')[1];
                form.appendChild(token);
                document.body.appendChild(form);
                form.submit();""");

        // signed out there, back at the office's address, which opens Tasklist: the provider now asks for her
        // password again rather than signing her straight back in
        browser.waitUntil("the provider's sign-in form after the sign-out",
                driver -> driver.getCurrentUrl().startsWith(office.provider().issuer()) && !driver.findElements(By.id("username")).isEmpty());
        browser.screenshot("provider-sign-in-4-signed-out");
        assertThat(get("/api/me/status", session).statusCode()).isEqualTo(401);
    }

    /** Opens the page, signs in at the provider's form and comes back to it. */
    private static void signIn(String page, String person) {
        browser.driver().get(page);
        browser.waitUntil("the provider's sign-in form", visibilityOfElementLocated(By.id("username")));
        assertThat(browser.driver().getCurrentUrl()).startsWith(office.provider().issuer());
        browser.driver().findElement(By.id("username")).sendKeys(person);
        browser.driver().findElement(By.id("password")).sendKeys(TestProvider.PASSWORD);
        browser.click(By.cssSelector("button[type='submit']"), "the provider's Sign in button");
        browser.waitUntil("the page she asked for", driver -> driver.getCurrentUrl().startsWith(page));
    }

    private static String sessionCookie() {
        Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(cookie).as("the office's session cookie").isNotNull();
        return cookie.getValue();
    }

    private static HttpResponse<String> sessionGet(String path) {
        return get(path, sessionCookie());
    }

    private static HttpResponse<String> get(String path, String session) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(office.baseUrl() + path)).header("Cookie", "JSESSIONID=" + session)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

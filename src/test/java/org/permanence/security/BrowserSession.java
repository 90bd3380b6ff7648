package org.permanence.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.permanence.SharedNode;

/**
 * A browser signed in to Tasklist, as Camunda's login page signs her in (or to the client portal, as its sign-in
 * page does): its session cookie then goes with every request to the node, as a browser sends it — also for a page
 * of another site.
 */
public final class BrowserSession {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();

    public static BrowserSession signedIn(String user, String password) throws Exception {
        BrowserSession browser = new BrowserSession();
        // Tasklist's page gives Camunda's own CSRF cookie, which its login form sends back
        browser.send(HttpRequest.newBuilder(URI.create(SharedNode.baseUrl() + "/camunda/app/tasklist/default/")).GET());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        URI.create(SharedNode.baseUrl() + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Tasklist login of " + user + ": " + login.statusCode() + " " + login.body());
        }
        return browser;
    }

    /** A client's person signed in by the portal's own page, into the same kind of session. */
    public static BrowserSession signedInToPortal(String user, String password) throws Exception {
        BrowserSession browser = new BrowserSession();
        HttpResponse<String> signIn = browser.postForm("/portail/connexion", "username=" + user + "&password=" + password);
        if (signIn.statusCode() != 302 && signIn.statusCode() != 303) {
            throw new IllegalStateException("Portal sign-in of " + user + ": " + signIn.statusCode());
        }
        return browser;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(SharedNode.baseUrl() + path)).GET());
    }

    /** A form posted as a browser posts it; {@code form} already URL-encoded; {@code headers} as name, value, … */
    public HttpResponse<String> postForm(String path, String form, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SharedNode.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** A multipart upload of one file; {@code headers} as name, value, … */
    HttpResponse<String> upload(String path, String fileName, byte[] content, String... headers) throws Exception {
        String boundary = "----browser" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SharedNode.baseUrl() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

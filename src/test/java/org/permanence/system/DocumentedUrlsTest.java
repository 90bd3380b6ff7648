package org.permanence.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;

/**
 * The URLs the docs give people answer as the docs say: the README's table of what is where, and the
 * request tables of docs/managers.md, walked as the manager (who may use them all). A page or a {@code GET}
 * answers 200 (404 where the URL names something that does not exist, such as {@code {appointmentId}});
 * a change sent a body of the wrong shape (a JSON array, a logo that is no picture) is refused 400 (or 404
 * for what it names), which proves the endpoint is there and changes nothing — moving work is asked of a
 * process that does not exist; a webhook without its provider's token or signature 401. A
 * URL the docs list but the office does not serve (405, or no route: 404) fails. The tables are the test's
 * only source, so the docs cannot drift from the product.
 */
@OfficeIntegrationTest
class DocumentedUrlsTest {

    /** What each placeholder of the docs stands for here: demo data, or something that does not exist. */
    private static final Map<String, String> EXAMPLES = Map.of("{id}", "cabinet-martin", "{key}", "call-intake", "{code}", "answer",
            "{appointmentId}", "no-such-appointment", "{taskId}", "no-such-task");
    /** Changes move nothing: a migration, which takes no body, is asked of a process that does not exist. */
    private static final Map<String, String> CHANGED = Map.of("{key}", "no-such-process");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern REQUEST = Pattern.compile("^(?:(GET|POST|PUT|DELETE|PATCH) )?(/\\S*|…/\\S*)$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    record Request(String source, String method, String path) {
    }

    @Test
    void everyDocumentedUrlAnswersAsDocumented() throws Exception {
        List<Request> requests = new ArrayList<>(requests(Path.of("README.md"), "URL"));
        requests.addAll(requests(Path.of("docs/managers.md"), "request"));
        requests.addAll(requests(Path.of("docs/managers.md"), "URL"));
        assertThat(requests).as("documented requests").hasSizeGreaterThan(30);

        SoftAssertions softly = new SoftAssertions();
        for (Request request : requests) {
            String path = request.path();
            if (!request.method().equals("GET")) {
                for (Map.Entry<String, String> example : CHANGED.entrySet()) {
                    path = path.replace(example.getKey(), example.getValue());
                }
            }
            for (Map.Entry<String, String> example : EXAMPLES.entrySet()) {
                path = path.replace(example.getKey(), example.getValue());
            }
            HttpResponse<String> response = send(request.method(), path);
            int status = response.statusCode();
            String what = request.source() + ": " + request.method() + " " + path + " answered " + status + " " + abbreviated(response.body());
            boolean namesNothing = path.contains("no-such-");
            if (path.startsWith("/webhooks/")) {
                softly.assertThat(status).as(what).isEqualTo(401);
            } else if (request.method().equals("GET")) {
                softly.assertThat(status).as(what).isEqualTo(namesNothing ? 404 : 200);
            } else {
                softly.assertThat(status).as(what).isIn(namesNothing ? List.of(400, 404) : List.of(400));
            }
            if (status == 404) {
                softly.assertThat(response.body()).as(what + ": a missing route").doesNotContain("No static resource", "No endpoint");
            }
        }
        softly.assertAll();
    }

    /**
     * The requests of every table of this document whose first column is headed {@code column}: each
     * {@code `METHOD /path`} of the first cell; a lone method ({@code `GET`, `PUT /api/…`}) takes the next
     * path; {@code …/templates/{code}} continues the path before it; pages ({@code `/mail`}) are GETs; a
     * path left open ({@code /api/…}) or an example body ({@code {type, start…}}) is not a request.
     */
    static List<Request> requests(Path document, String column) throws IOException {
        List<Request> requests = new ArrayList<>();
        boolean inTable = false;
        String previous = null;
        for (String line : Files.readAllLines(document, StandardCharsets.UTF_8)) {
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            String first = line.split("\\|")[1].strip();
            if (first.startsWith(column)) {
                inTable = true;
                continue;
            }
            if (!inTable || first.startsWith("---")) {
                continue;
            }
            List<String> pendingMethods = new ArrayList<>();
            Matcher code = CODE.matcher(first);
            while (code.find()) {
                String text = code.group(1).strip();
                if (text.matches("GET|POST|PUT|DELETE|PATCH")) {
                    pendingMethods.add(text);
                    continue;
                }
                Matcher request = REQUEST.matcher(text);
                if (!request.matches() || text.endsWith("…") || text.contains("…?") || text.contains("?t=")) {
                    continue;
                }
                String path = request.group(2);
                if (path.startsWith("…") && previous != null) {
                    String resumed = path.substring(1);
                    String segment = resumed.substring(0, resumed.indexOf('/', 1) < 0 ? resumed.length() : resumed.indexOf('/', 1));
                    path = previous.substring(0, previous.indexOf(segment)) + resumed;
                }
                pendingMethods.add(request.group(1) == null ? "GET" : request.group(1));
                for (String method : pendingMethods) {
                    requests.add(new Request(document + " | " + first, method, path));
                }
                pendingMethods.clear();
                previous = path;
            }
        }
        return requests;
    }

    /** As the manager; a webhook as a stranger would post to it, in its provider's format, without token or signature. */
    private static HttpResponse<String> send(String method, String path) throws Exception {
        boolean webhook = path.startsWith("/webhooks/");
        boolean change = webhook || !method.equals("GET");
        String type;
        String body;
        if (path.startsWith("/webhooks/twilio")) {
            type = "application/x-www-form-urlencoded";
            body = "";
        } else if (path.startsWith("/webhooks/")) {
            type = "application/json";
            body = "{}";
        } else if (path.endsWith("/logo")) {
            type = "image/png";
            body = "not a picture";
        } else {
            type = "application/json";
            body = "[]";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SharedNode.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .method(webhook ? "POST" : method, change ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
                .header("Accept", "*/*");
        if (change) {
            request.header("Content-Type", type);
        }
        if (!webhook) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("nadia:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}

package org.permanence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A deployment as Camunda Modeler sends it: {@code POST /engine-rest/deployment/create}, multipart,
 * HTTP Basic, no tenant, the diagram and its additional files as parts; with the languages its
 * Electron window asks for, if given.
 */
public final class ModelerDeployment {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Map<String, String> files = new LinkedHashMap<>();
    private String acceptLanguage;

    private ModelerDeployment(String name) {
        this.name = name;
    }

    public static ModelerDeployment named(String name) {
        return new ModelerDeployment(name);
    }

    public ModelerDeployment file(String fileName, String content) {
        files.put(fileName, content);
        return this;
    }

    /** The {@code Accept-Language} header of the deployment request (none by default). */
    public ModelerDeployment acceptLanguage(String languages) {
        this.acceptLanguage = languages;
        return this;
    }

    /** Adds a file of the project (processes/…, forms/…) as it is packaged. */
    public ModelerDeployment packaged(Path file) {
        try {
            return file(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> deployAs(String baseUrl, String user, String password) {
        String boundary = "modeler-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        field(body, boundary, "deployment-name", name);
        field(body, boundary, "deployment-source", "Camunda Modeler");
        files.forEach((fileName, content) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(fileName).append("\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/deployment/create"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder body, String boundary, String field, String value) {
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field)
                .append("\"\r\n\r\n").append(value).append("\r\n");
    }
}

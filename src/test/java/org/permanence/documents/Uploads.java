package org.permanence.documents;

import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.permanence.SharedNode;
import org.permanence.TestClients;
import org.permanence.clients.Client.ContactRules;
import org.permanence.clients.Client.DocumentCategory;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.clients.engine.ClientTenants;

/** Documents sent to the shared node as the upload page sends them, and a client made to receive them. */
public final class Uploads {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Uploads() {
    }

    /** A plumber claire serves and sophie does not, with invoices and quotes, told of each invoice; answers its id. */
    public static String plumberServedByClaire(Clients clients, ClientTenants tenants) {
        Client made = TestClients.client("plombier", "fr", MessageDelivery.IMMEDIATELY, null);
        ContactRules rules = made.contactRules();
        String id = clients.store(new Client(made.id(), made.name(), made.language(), made.timeZone(), made.phoneLines(),
                made.openingHours(), made.appointmentTypes(), made.briefing(),
                new ContactRules(rules.email(), rules.urgentEmail(), rules.messages(), rules.dailySummaryAt(), rules.callBackWithinMinutes(),
                        rules.urgentConfirmWithinMinutes(), List.of("facture")),
                List.of(new DocumentCategory("facture", "Facture"), new DocumentCategory("devis", "Devis")), new BigDecimal("0.7"), null)).id();
        tenants.addSecretary(id, "claire");
        return id;
    }

    /** The lines of a plumber's invoice, numbered as asked. */
    public static List<String> invoice(String number) {
        return List.of("Plomberie Leroy", "FACTURE N° " + number, "Date : 14/03/2026", "Remplacement du chauffe-eau",
                "Total TTC : 480,00 EUR");
    }

    /** POSTs the file as multipart field {@code file}, with the user's HTTP Basic credentials. */
    public static HttpResponse<String> upload(String clientId, String fileName, byte[] content, String user) throws Exception {
        return post("/api/clients/" + clientId + "/documents", Map.of(), fileName, content, basic(user));
    }

    /** POSTs the file to the public upload page, as the page's form sends it: the link's token and the file, no login. */
    public static HttpResponse<String> uploadThroughLink(String token, String fileName, byte[] content) throws Exception {
        return post("/depot", Map.of("t", token, "lang", "fr"), fileName, content, null);
    }

    private static HttpResponse<String> post(String path, Map<String, String> fields, String fileName, byte[] content,
                                             String authorization) throws Exception {
        String boundary = "----permanence" + UUID.randomUUID();
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        byte[] head = (form + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SharedNode.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs JSON as the user (HTTP Basic). */
    public static HttpResponse<String> postJson(String path, String json, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SharedNode.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GETs a page as someone without a login would, in the language asked. */
    public static HttpResponse<String> open(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<byte[]> get(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SharedNode.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}

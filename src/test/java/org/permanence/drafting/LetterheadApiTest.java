package org.permanence.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestClients;
import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Clients;
import org.springframework.beans.factory.annotation.Autowired;

/** A manager sets a client's letterhead and uploads its logo; the letters carry both. */
@OfficeIntegrationTest
class LetterheadApiTest {

    @Autowired
    Clients clients;

    @Autowired
    Letterheads letterheads;

    private Client client;
    private String letterhead;

    @BeforeEach
    void newClient() {
        client = clients.store(TestClients.client("entete", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        letterhead = SharedNode.baseUrl() + "/api/clients/" + client.id() + "/letterhead";
    }

    @Test
    void theLettersCarryTheAddressTheSignatoryAndTheUploadedLogo() throws Exception {
        HttpResponse<String> saved = call("PUT", letterhead, "nadia", DEMO_PASSWORD,
                "{\"address\": [\"3, place Kléber\", \"67000 Strasbourg\"], \"town\": \"Strasbourg\", \"signatory\": \"Maître Durand\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(upload(logo(), "image/png").statusCode()).isEqualTo(204);

        byte[] pdf = letterheads.print(client, List.of("M. Lefèvre"), "REF-1", new Draft("Objet", "Texte de la lettre.", true));

        try (PDDocument letter = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(letter)).contains("3, place Kléber", "Strasbourg, le", "Maître Durand", "REF-1");
            var resources = letter.getPage(0).getResources();
            assertThat(resources.getXObjectNames()).anySatisfy(name ->
                    assertThat(resources.getXObject(name)).isInstanceOf(PDImageXObject.class));
        }
    }

    @Test
    void aLogoThatIsNoImageIsRefused() throws Exception {
        HttpResponse<String> refused = upload("not a picture".getBytes(StandardCharsets.UTF_8), "image/png");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"logo\"", "is not a PNG or JPEG image");
    }

    @Test
    void aSecretaryMayReadButNotChangeALetterhead() {
        String gp = SharedNode.baseUrl() + "/api/clients/cabinet-martin/letterhead";
        assertThat(call("GET", gp, "claire", DEMO_PASSWORD, null).statusCode()).isEqualTo(200);
        assertThat(call("PUT", gp, "claire", DEMO_PASSWORD, "{\"address\": [], \"town\": \"\", \"signatory\": \"Claire\"}")
                .statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> upload(byte[] image, String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(letterhead + "/logo")).PUT(HttpRequest.BodyPublishers.ofByteArray(image))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("nadia:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] logo() throws Exception {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D pen = image.createGraphics();
        pen.setColor(new Color(0x8b, 0x1e, 0x3f));
        pen.fillRect(0, 0, 120, 80);
        pen.setColor(Color.WHITE);
        pen.fillOval(30, 10, 60, 60);
        pen.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}

package org.permanence.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.Eventually.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestMail;
import org.permanence.TestOffice;
import org.permanence.drafting.MailDrafts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Mails envoyés" links every attachment of a mail, and the link opens it for those who may see the
 * mail: the secretaries of its client and the managers; another client's secretary finds nothing there.
 */
@OfficeIntegrationTest
class SentMailAttachmentsTest {

    private static final Pattern ATTACHMENT_LINK = Pattern.compile("href=\"(/mail/[^\"/]+/attachments/\\d+)\"");

    @Autowired
    MailDrafts drafts;
    @Autowired
    MailFolder folder;

    @Test
    void aLettersPdfOpensFromTheMailPageForItsClientsSecretaryAndTheManagerOnly() throws Exception {
        // the demo office: claire serves cabinet-martin, sophie does not; nadia manages
        String recipient = "lien-" + UUID.randomUUID() + "@example.fr";
        drafts.send(new MailDrafts.Outgoing("case-" + UUID.randomUUID(), "cabinet-martin", "M-2026-LIEN", recipient,
                "Mme Hélène Lefèvre\n8, allée des Châtaigniers\n67100 Strasbourg", "Votre demande : Certificat",
                "Madame,\n\nVotre certificat est joint.", true, List.of()));
        await("the mail", () -> !TestMail.to(folder, recipient).isEmpty());
        StoredMail mail = TestMail.to(folder, recipient).get(0);
        byte[] letter = TestMail.attachment(mail, "M-2026-LIEN.pdf");

        String page = new String(get("/mail/" + mail.id(), "claire").body(), StandardCharsets.UTF_8);
        Matcher link = ATTACHMENT_LINK.matcher(page);
        assertThat(link.find()).as("a link to the letter on " + page).isTrue();
        assertThat(page).contains(">M-2026-LIEN.pdf</a>");
        assertThat(new String(get("/mail", "claire").body(), StandardCharsets.UTF_8)).as("the list links it too").contains("href=\"" + link.group(1) + "\"");

        HttpResponse<byte[]> opened = get(link.group(1), "claire");
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        assertThat(opened.body()).isEqualTo(letter);
        try (PDDocument pdf = Loader.loadPDF(opened.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).as("the demo letterhead's address").contains("12, rue des Lilas", "75011 Paris");
        }
        assertThat(get(link.group(1), "nadia").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> otherClientsSecretary = get(link.group(1), "sophie");
        assertThat(otherClientsSecretary.statusCode()).isEqualTo(404);
        assertThat(new String(otherClientsSecretary.body(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(get("/mail/" + mail.id() + "/attachments/1", "claire").statusCode()).as("no second attachment").isEqualTo(404);
    }

    private static HttpResponse<byte[]> get(String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SharedNode.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + TestOffice.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

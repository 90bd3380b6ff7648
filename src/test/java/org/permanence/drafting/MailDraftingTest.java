package org.permanence.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.permanence.Eventually.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestClients;
import org.permanence.TestMail;
import org.permanence.TestOffice;
import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Clients;
import org.permanence.links.SignedLinks;
import org.permanence.mail.MailFolder;
import org.permanence.mail.MailNotSent;
import org.permanence.mail.StoredMail;
import org.permanence.printing.VeraPdf;
import org.permanence.storage.ObjectStorage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * mail-drafting.bpmn on the shared node with its workers: drafted from the client's template,
 * reviewed and edited by a secretary, approved by the client where it asks to, sent once with its
 * letter, archived as .eml under the client.
 */
@OfficeIntegrationTest
class MailDraftingTest {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/links/mail/(approve|change)\\?t=\\S+)");

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    Clients clients;
    @Autowired
    DraftingSettings settings;
    @Autowired
    MailDrafts drafts;
    @Autowired
    MailFolder folder;
    @Autowired
    ObjectStorage storage;
    @Autowired
    JavaMailSenderImpl smtp;
    @Autowired
    ExternalTaskService externalTasks;
    @Autowired
    SignedLinks links;

    @Test
    void aLetterIsDraftedEditedSentWithItsPdfAndArchivedAsEml() throws Exception {
        Client client = clients.store(TestClients.client("courrier", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        String recipient = client.id() + ".appelant@example.fr";
        String mail = runtime.startProcessInstanceByKey("mail-drafting", Map.of("clientId", client.id(), "templateCode", "letter",
                "recipientEmail", recipient, "callerName", "Hélène Lefèvre", "reason", "Ordonnance à renouveler",
                "notes", "L'ordonnance sera prête jeudi à l'accueil.")).getId();

        Task review = reviewTask(mail);
        assertThat(review.getName()).isEqualTo("Relire le brouillon — " + client.name());
        assertThat((String) runtime.getVariable(mail, "draftText")).as("the answer announced below is the case's notes")
                .contains("À l'attention de Hélène Lefèvre", "« Ordonnance à renouveler »",
                        "nous vous prions de trouver ci-dessous notre réponse.\n\nL'ordonnance sera prête jeudi à l'accueil.");
        assertThat((String) runtime.getVariable(mail, "draftSubject")).isEqualTo("Votre demande : Ordonnance à renouveler");
        String reference = (String) runtime.getVariable(mail, "reference");
        tasks.complete(review.getId(), Map.of("reviewDecision", "send", "draftText",
                "Madame,\n\nVotre ordonnance est prête ; vous pouvez la retirer dès demain à l'accueil.\n\nCordialement,",
                "recipientAddress", "Mme Hélène Lefèvre\n8, allée des Châtaigniers\n67100 Strasbourg"));

        await("the mail to be sent and archived", () -> ended(mail));
        List<StoredMail> received = TestMail.to(folder, recipient);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).subject()).isEqualTo("Votre demande : Ordonnance à renouveler");
        assertThat(received.get(0).attachmentNames()).containsExactly(reference + ".pdf");
        assertThat(received.get(0).text()).as("a cover note, signed as the letter is, not the letter again")
                .contains("Veuillez trouver ci-joint notre courrier du ", " concernant « Votre demande : Ordonnance à renouveler » (réf. "
                        + reference + ").", "Le secrétariat de " + client.name())
                .doesNotContain("Votre ordonnance est prête");
        try (PDDocument letter = Loader.loadPDF(TestMail.attachment(received.get(0), reference + ".pdf"))) {
            assertThat(new PDFTextStripper().getText(letter)).contains("Votre ordonnance est prête ; vous pouvez la retirer",
                    "8, allée des Châtaigniers", "Réf. : " + reference, "Le secrétariat de " + client.name());
        }
        assertThat(VeraPdf.pdfA2aFailures(TestMail.attachment(received.get(0), reference + ".pdf")))
                .as("the mailed letter's broken PDF/A-2a rules").isEmpty();
        String emlKey = drafts.archivedEml(mail).orElseThrow();
        assertThat(emlKey).startsWith("clients/" + client.id() + "/archive/mails/").endsWith(reference + "/mail.eml");
        MimeMessage archived = new MimeMessage(Session.getInstance(System.getProperties()),
                new ByteArrayInputStream(storage.get(emlKey).orElseThrow()));
        assertThat(archived.getMessageID()).isEqualTo(received.get(0).message().getMessageID());
        assertThat(storage.exists(emlKey.replace("mail.eml", "letter.pdf"))).isTrue();
    }

    @Test
    void aClientWhoApprovesFirstGetsTheDraftAndItsApprovalSendsTheMailOnce() throws Exception {
        Client client = clients.store(TestClients.client("accord", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        settings.save(client.id(), new DraftingSettings.Setting(true));
        String recipient = client.id() + ".appelant@example.fr";
        String mail = start(client, "answer", recipient);
        tasks.complete(reviewTask(mail).getId(), Map.of("reviewDecision", "send"));

        await("the draft to reach the client", () -> !TestMail.to(folder, client.contactRules().email()).isEmpty());
        StoredMail ask = TestMail.to(folder, client.contactRules().email()).get(0);
        assertThat(ask.subject()).startsWith("À valider : ");
        assertThat(TestMail.autoSubmitted(ask)).as("no person sends the request for approval").isEqualTo("auto-generated");
        assertThat(ask.text()).contains("Bonjour Hélène Lefèvre");
        String approve = link(ask.text(), "approve");
        assertThat(TestMail.to(folder, recipient)).isEmpty();

        HttpResponse<String> page = get(approve);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Envoyer ce mail ?");
        HttpResponse<String> answered = post(approve);
        assertThat(answered.body()).contains("Merci, le mail part.");

        await("the approved mail to go", () -> ended(mail));
        assertThat(TestMail.to(folder, recipient)).hasSize(1);
        assertThat(TestMail.autoSubmitted(TestMail.to(folder, recipient).get(0))).as("the secretary's mail, sent by a person").isNull();
        HttpResponse<String> usedAgain = post(approve);
        assertThat(usedAgain.statusCode()).isEqualTo(410);
        assertThat(usedAgain.body()).contains("Ce lien ne peut plus servir", "Il a déjà servi.");
        assertThat(TestMail.to(folder, recipient)).as("still one mail").hasSize(1);
    }

    @Test
    void aLinkThatCannotServeShowsTheFriendlyPageInTheReadersLanguageWithAStatusSayingWhy() throws Exception {
        Client client = clients.store(TestClients.client("approval", "en", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        settings.save(client.id(), new DraftingSettings.Setting(true));
        String mail = start(client, "answer", client.id() + ".caller@example.fr");
        String base = SharedNode.baseUrl() + "/links/mail/";
        String expired = links.sign(mail, ClientApprovals.APPROVE, Instant.now().minusSeconds(60));
        String change = links.sign(mail, ClientApprovals.CHANGE, Instant.now().plusSeconds(600));

        HttpResponse<String> expiredPage = get(base + "approve?t=" + expired);
        assertThat(expiredPage.statusCode()).isEqualTo(410);
        assertThat(expiredPage.body()).as("the client's language").contains("This link can no longer be used", "It has expired.");
        HttpResponse<String> inFrench = get(base + "approve?t=" + expired, "fr-FR,fr;q=0.9");
        assertThat(inFrench.statusCode()).isEqualTo(410);
        assertThat(inFrench.body()).as("the browser's language").contains("Ce lien ne peut plus servir", "Il a expiré.");
        assertThat(post(base + "approve?t=" + expired).statusCode()).isEqualTo(410);

        HttpResponse<String> tampered = get(base + "approve?t=" + change.substring(0, change.length() - 2) + "xx", "en");
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).contains("This link can no longer be used", "It is not valid.");
        HttpResponse<String> wrongAction = post(base + "approve?t=" + change);
        assertThat(wrongAction.statusCode()).isEqualTo(403);
        assertThat(wrongAction.body()).contains("It is not valid.");

        HttpResponse<String> valid = get(base + "change?t=" + change);
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(valid.body()).contains("Ask for a change?");
        assertThat(runtime.getVariable(mail, "clientAnswer")).as("no refused link answered for the client").isNull();
    }

    @Test
    void aSendThatFailsIsRetriedAndNeverSendsTwoMails() {
        Client client = clients.store(TestClients.client("panne", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        String recipient = client.id() + ".appelant@example.fr";
        MailDrafts.Outgoing outgoing = new MailDrafts.Outgoing("case-" + client.id(), client.id(), "M-2026-PANNE", recipient, null,
                "Votre appel", "Bonjour,\nÀ bientôt.", false, List.of());

        int port = smtp.getPort();
        smtp.setPort(TestOffice.freePort());
        try {
            assertThatThrownBy(() -> drafts.send(outgoing)).isInstanceOf(MailNotSent.class).hasMessageContaining(recipient);
        } finally {
            smtp.setPort(port);
        }
        assertThat(TestMail.to(folder, recipient)).isEmpty();

        MailDrafts.Sent first = drafts.send(outgoing);
        MailDrafts.Sent retried = drafts.send(outgoing);

        assertThat(retried.messageId()).isEqualTo(first.messageId());
        await("the mail", () -> !TestMail.to(folder, recipient).isEmpty());
        assertThat(TestMail.to(folder, recipient)).hasSize(1);
    }

    @Test
    void whenTheMailServerIsDownTheSendIsRetriedAndTheMailGoesOnceItIsBack() {
        Client client = clients.store(TestClients.client("coupure", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        String recipient = client.id() + ".appelant@example.fr";
        String mail = start(client, "answer", recipient);
        Task review = reviewTask(mail);

        int port = smtp.getPort();
        smtp.setPort(TestOffice.freePort());
        try {
            tasks.complete(review.getId(), Map.of("reviewDecision", "send"));
            await("the send to fail", () -> {
                ExternalTask send = externalTasks.createExternalTaskQuery().processInstanceId(mail).topicName("send-mail").singleResult();
                return send != null && send.getErrorMessage() != null;
            });
        } finally {
            smtp.setPort(port);
        }
        ExternalTask failed = externalTasks.createExternalTaskQuery().processInstanceId(mail).topicName("send-mail").singleResult();
        assertThat(failed.getErrorMessage()).contains("not sent", recipient);
        assertThat(failed.getRetries()).isPositive();
        assertThat(TestMail.to(folder, recipient)).isEmpty();

        await("the retry to send the mail", () -> ended(mail));
        assertThat(TestMail.to(folder, recipient)).hasSize(1);
    }

    @Test
    void aTemplateTheClientDoesNotHaveIsHandedToASecretaryToCorrectNotRetried() {
        Client client = clients.store(TestClients.client("modele", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        String mail = start(client, "condoleances", client.id() + ".appelant@example.fr");

        await("the request to correct", () -> tasks.createTaskQuery().processInstanceId(mail).taskDefinitionKey("CorrectMailRequest").count() == 1);
        assertThat((String) runtime.getVariable(mail, "draftProblem")).isEqualTo(client.name() + " n'a pas de modèle « condoleances »");
        tasks.complete(tasks.createTaskQuery().processInstanceId(mail).singleResult().getId(),
                Map.of("templateCode", "answer", "correction", "retry"));
        assertThat(reviewTask(mail).getName()).isEqualTo("Relire le brouillon — " + client.name());
    }

    private String start(Client client, String template, String recipient) {
        return runtime.startProcessInstanceByKey("mail-drafting", Map.of("clientId", client.id(), "templateCode", template,
                "recipientEmail", recipient, "callerName", "Hélène Lefèvre", "reason", "Ordonnance à renouveler")).getId();
    }

    private Task reviewTask(String mail) {
        await("the draft to review", () -> tasks.createTaskQuery().processInstanceId(mail).taskDefinitionKey("ReviewDraft").count() == 1);
        return tasks.createTaskQuery().processInstanceId(mail).taskDefinitionKey("ReviewDraft").singleResult();
    }

    private boolean ended(String instance) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1;
    }

    private static String link(String text, String action) {
        Matcher links = LINK.matcher(text);
        while (links.find()) {
            if (links.group(2).equals(action)) {
                return links.group(1);
            }
        }
        throw new AssertionError("No " + action + " link in " + text);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String acceptLanguage) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", acceptLanguage).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String link) throws Exception {
        String token = link.substring(link.indexOf("?t=") + 3);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.substring(0, link.indexOf('?'))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("t=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.documents.Uploads.invoice;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestMail;
import org.permanence.TestOffice;
import org.permanence.clients.Clients;
import org.permanence.clients.engine.ClientTenants;
import org.permanence.mail.AutomaticMails;
import org.permanence.mail.IncomingMail;
import org.permanence.mail.MailFolder;
import org.permanence.mail.MailProperties;
import org.permanence.storage.ObjectStorage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * A client mails documents to its own document mailbox on the embedded IMAP server: the mail is kept,
 * its PDF (made here by PDFBox) is read and classified, or asked about; the same mail read again files
 * nothing twice; a mail without attachment and one too large go whole to a secretary with the reason.
 */
@OfficeIntegrationTest
class DocumentMailTest {

    @Autowired
    Clients clients;
    @Autowired
    ClientTenants tenants;
    @Autowired
    DocumentMailboxes mailboxes;
    @Autowired
    DocumentMails mails;
    @Autowired
    DocumentMailProperties settings;
    @Autowired
    DocumentRecords records;
    @Autowired
    ObjectStorage objects;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    JavaMailSenderImpl smtp;
    @Autowired
    MailProperties mail;
    @Autowired
    AutomaticMails automaticMails;
    @Autowired
    MailFolder folder;

    private String plumber;

    @BeforeEach
    void newPlumber() {
        plumber = Uploads.plumberServedByClaire(clients, tenants);
    }

    @Test
    void aPdfMailedToTheClientsMailboxIsKeptReadAndClassifiedOrAskedAbout() throws Exception {
        byte[] pdf = TestDocuments.textPdf(1, invoice("2026-0700"));
        String messageId = send("Facture de mars", "Bonjour, voici la facture.", "facture-mars.pdf", pdf);

        StoredDocument document = awaitDocument();
        assertThat(document.source()).isEqualTo("MAIL");
        assertThat(document.originalName()).isEqualTo("facture-mars.pdf");
        assertThat(document.receivedBy()).isEqualTo("compta@fournisseur.example.fr");
        assertThat(objects.get(DocumentObjects.original(plumber, document.id())).orElseThrow()).isEqualTo(pdf);
        assertThat(objects.exists(DocumentObjects.mail(plumber, IncomingMail.keyOf(messageId)))).isTrue();
        Eventually.await("document " + document.id() + " filed or asked about", () ->
                records.get(document.id()).status().equals(StoredDocument.FILED) || task(document.id(), "ClassifyDocument") != null);
        if (task(document.id(), "ClassifyDocument") != null) {
            assertThat((String) tasks.getVariable(task(document.id(), "ClassifyDocument").getId(), "textExcerpt")).contains("FACTURE");
        }
    }

    @Test
    void aMailReadTwiceFilesItsDocumentOnce() throws Exception {
        String messageId = send("Facture", "Ci-joint.", "facture.pdf", TestDocuments.textPdf(1, invoice("2026-0701")));
        String documentId = awaitDocument().id();

        // as after a restart of the embedded server, which forgets which mails were read
        TestMail.markUnread(mail, settings.addressOf(plumber), messageId);
        mailboxes.read(plumber);

        assertThat(records.ofClient(plumber)).hasSize(1);
        assertThat(records.copies(documentId)).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("document:" + documentId).count()).isEqualTo(1);
    }

    @Test
    void aMailWithoutAttachmentGoesWholeToASecretary() throws Exception {
        send("Mes factures", "Je vous envoie mes factures demain.", null, null);

        StoredDocument document = awaitDocument();
        Task unreadable = awaitTask(document.id(), "HandleUnreadableDocument");
        assertThat((String) tasks.getVariable(unreadable.getId(), "unreadableReason")).contains("aucune pièce jointe");
        assertThat(document.originalName()).isEqualTo("Mes factures.eml");
        assertThat(new String(objects.get(DocumentObjects.original(plumber, document.id())).orElseThrow(), StandardCharsets.UTF_8))
                .contains("Je vous envoie mes factures demain.");
    }

    @Test
    void aMailTooLargeToTakeApartGoesWholeToASecretary() {
        byte[] raw = ("Message-ID: <gros-" + plumber + "@example.fr>\r\nFrom: compta@fournisseur.example.fr\r\nSubject: Scans\r\n"
                + "Content-Type: text/plain\r\n\r\n" + "x".repeat(2_000) + "\r\n").getBytes(StandardCharsets.US_ASCII);

        List<DocumentIntake.Receipt> documents = mails.take(plumber, IncomingMail.read(raw, 1_000));

        assertThat(documents).hasSize(1);
        Task unreadable = awaitTask(documents.get(0).documentId(), "HandleUnreadableDocument");
        assertThat((String) tasks.getVariable(unreadable.getId(), "unreadableReason")).contains("trop gros");
        assertThat(mails.take(plumber, IncomingMail.read(raw, 1_000))).isEmpty();
    }

    @Test
    void robotsMailsAreKeptAndListedWithoutAskingAnyoneButAScannersDocumentIsTakenIn() throws Exception {
        String mailbox = settings.addressOf(plumber);
        String supplier = "compta@fournisseur.example.fr";
        String outOfOffice = sendRaw(TestMail.raw(supplier, mailbox, "Absent du bureau", "Auto-Submitted: auto-replied", TestMail.AWAY));
        String autoreply = sendRaw(TestMail.raw(supplier, mailbox, "En congés", "X-Autoreply: yes",
                TestMail.withAttachment("logo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        String bulk = sendRaw(TestMail.raw(supplier, mailbox, "Nos promotions", "Precedence: bulk", TestMail.AWAY));
        String bounce = sendRaw(TestMail.raw("mailer-daemon@example.fr", mailbox, "Undelivered Mail", null, TestMail.DELIVERY_REPORT));
        TestMail.deliver(mail, mailbox, TestMail.message("Return-Path: <>\n"
                + TestMail.raw("postmaster@example.fr", mailbox, "Accusé de réception", null, TestMail.AWAY)));
        byte[] scan = TestDocuments.textPdf(1, invoice("2026-0702"));
        sendRaw(TestMail.raw("scanner@plomberie.example.fr", mailbox, "Numérisation", "Auto-Submitted: auto-generated",
                TestMail.withAttachment("scan.pdf", "application/pdf", scan)));

        StoredDocument scanned = awaitDocument();
        assertThat(scanned.originalName()).isEqualTo("scan.pdf");
        assertThat(objects.get(DocumentObjects.original(plumber, scanned.id())).orElseThrow()).isEqualTo(scan);
        Eventually.await("the five robots' mails kept", () -> {
            readMailbox();
            return automaticMails.latest(1_000).stream().filter(kept -> kept.mailbox().equals(mailbox)).count() == 5;
        });
        assertThat(records.ofClient(plumber)).as("nothing set aside for a secretary").singleElement()
                .satisfies(document -> assertThat(document.id()).isEqualTo(scanned.id()));
        for (String messageId : List.of(outOfOffice, autoreply, bulk, bounce)) {
            assertThat(objects.exists(DocumentObjects.mail(plumber, IncomingMail.keyOf(messageId)))).as("kept").isTrue();
            assertThat(mails.taken(plumber, messageId)).as("taken once").isTrue();
        }
        assertThat(automaticMails.latest(1_000)).filteredOn(kept -> kept.mailbox().equals(mailbox))
                .extracting(AutomaticMails.Kept::reason).containsExactlyInAnyOrder(
                        "réponse automatique (Auto-Submitted: auto-replied)", "réponse automatique (X-Autoreply: yes)",
                        "envoi en nombre (Precedence: bulk)", "avis de remise (Content-Type: multipart/report)",
                        "avis de remise (Return-Path: <>)");
        String list = TestOffice.call("GET", SharedNode.baseUrl() + "/mail", "claire", TestOffice.DEMO_PASSWORD, null).body();
        assertThat(list).contains("Absent du bureau", "En congés", "Nos promotions", "Undelivered Mail", "Accusé de réception");
        assertThat(tasks.createTaskQuery().tenantIdIn(plumber).list()).as("no task but the scan's")
                .allSatisfy(task -> assertThat(task.getProcessInstanceId()).isEqualTo(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey("document:" + scanned.id()).singleResult().getId()));
        assertThat(TestMail.to(folder, supplier)).as("nothing answered").isEmpty();
    }

    private String sendRaw(String raw) throws Exception {
        MimeMessage message = TestMail.message(raw);
        smtp.send(message);
        return message.getMessageID();
    }

    /** Sends a mail from the plumber's supplier to the plumber's document mailbox; answers its Message-ID. */
    private String send(String subject, String text, String fileName, byte[] content) throws Exception {
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, content != null, "UTF-8");
        helper.setFrom("compta@fournisseur.example.fr");
        helper.setTo(settings.addressOf(plumber));
        helper.setSubject(subject);
        helper.setText(text);
        if (content != null) {
            helper.addAttachment(fileName, new ByteArrayResource(content), "application/pdf");
        }
        message.saveChanges();
        String messageId = message.getMessageID();
        smtp.send(message);
        return messageId;
    }

    /** The one document the plumber's mailbox gave, whether the background reader or this test read it first. */
    private StoredDocument awaitDocument() {
        Eventually.await("a document from the mailbox of " + plumber, () -> {
            readMailbox();
            return !records.ofClient(plumber).isEmpty();
        });
        return records.ofClient(plumber).get(0);
    }

    private void readMailbox() {
        try {
            mailboxes.read(plumber);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Task awaitTask(String documentId, String taskKey) {
        Eventually.await(taskKey + " for document " + documentId, () -> task(documentId, taskKey) != null);
        return task(documentId, taskKey);
    }

    private Task task(String documentId, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey("document:" + documentId).taskDefinitionKey(taskKey).singleResult();
    }
}

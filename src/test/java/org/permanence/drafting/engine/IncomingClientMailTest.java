package org.permanence.drafting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.Eventually.await;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestClients;
import org.permanence.TestMail;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.drafting.DraftingProperties;
import org.permanence.drafting.MailDrafts;
import org.permanence.mail.IncomingMail;
import org.permanence.mail.MailFolder;
import org.permanence.mail.MailProperties;
import org.permanence.mail.StoredMail;
import org.permanence.storage.ObjectStorage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * A client writes to the secretariat mailbox (the embedded IMAP server): its mail starts a drafting
 * case with its text and attachments, once, and the mail that goes out carries the attachment on.
 */
@OfficeIntegrationTest
class IncomingClientMailTest {

    @Autowired
    IncomingClientMail reader;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    Clients clients;
    @Autowired
    JavaMailSenderImpl smtp;
    @Autowired
    MailProperties mail;
    @Autowired
    DraftingProperties drafting;
    @Autowired
    MailFolder folder;
    @Autowired
    ObjectStorage storage;
    @Autowired
    MailDrafts drafts;

    @Test
    void aClientsMailWithAPdfStartsADraftAndTheSentMailCarriesThePdfOn() throws Exception {
        Client client = clients.store(TestClients.client("ecrit", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        byte[] pdf = "%PDF-1.4 résultats d'analyse".getBytes(StandardCharsets.ISO_8859_1);
        String messageId = write(client.contactRules().email(), "Envoyer les résultats à Mme Lefèvre",
                "Bonjour, merci d'envoyer ces résultats à Mme Lefèvre.", pdf);

        ProcessInstance mailCase = caseOf(messageId);
        Map<String, Object> variables = runtime.getVariables(mailCase.getId());
        assertThat(mailCase.getTenantId()).isEqualTo(client.id());
        assertThat(variables).containsEntry("clientId", client.id()).containsEntry("incomingSubject", "Envoyer les résultats à Mme Lefèvre")
                .containsEntry("documentName", "resultats.pdf");
        assertThat((String) variables.get("notes")).contains("merci d'envoyer ces résultats");
        assertThat(storage.get((String) variables.get("attachmentKeys")).orElseThrow()).isEqualTo(pdf);

        await("the draft to review", () -> review(mailCase) != null);
        String recipient = client.id() + ".lefevre@example.fr";
        tasks.complete(review(mailCase).getId(), Map.of("reviewDecision", "send", "recipientEmail", recipient));
        await("the mail to go and be archived", () ->
                history.createHistoricProcessInstanceQuery().processInstanceId(mailCase.getId()).finished().count() == 1);
        List<StoredMail> sent = TestMail.to(folder, recipient);
        assertThat(sent).hasSize(1);
        assertThat(TestMail.attachment(sent.get(0), "resultats.pdf")).isEqualTo(pdf);
        assertThat(storage.exists(drafts.archivedEml(mailCase.getId()).orElseThrow())).isTrue();
    }

    /** A sender's markdown and markup are his words: Relire le brouillon shows them as typed, never as a live link or an element. */
    @Test
    void aSubjectWithAMarkdownLinkIsShownAsTextInTheDraftsReview() throws Exception {
        Client client = clients.store(TestClients.client("lien", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        String subject = "**URGENT** [payer ici](https://evil.example/pay)";
        String messageId = write(client.contactRules().email(), subject, "Bonjour,\n<img src=x onerror=alert(1)>\n# Réglez aujourd'hui", null);

        ProcessInstance mailCase = caseOf(messageId);
        String request = (String) runtime.getVariable(mailCase.getId(), "request");

        assertThat(request).contains("\\*\\*URGENT\\*\\* \\[payer ici\\]\\(https\\:\\/\\/evil\\.example\\/pay\\)")
                .contains("\\<img src\\=x onerror\\=alert\\(1\\)\\>").contains("\\# Réglez aujourd\\'hui")
                .doesNotContain("[payer ici](", "\n# ");
        // past the office's own heading, no markup character is left unescaped
        assertThat(request.substring(request.indexOf(" :** ") + 5)).doesNotContainPattern("(?<!\\\\)[<>\\[\\]()*]");
        // the case keeps the sender's own words for the draft itself
        assertThat(runtime.getVariable(mailCase.getId(), "incomingSubject")).isEqualTo(subject);
        assertThat(runtime.getVariable(mailCase.getId(), "reason")).isEqualTo(subject);
    }

    @Test
    void aMailFromAnUnknownAddressGoesToTheManagersAsATask() throws Exception {
        String messageId = write("inconnu-" + System.nanoTime() + "@example.org", "Question", "Bonjour, qui êtes-vous ?", null);

        ProcessInstance mailCase = caseOf(messageId);
        await("the task", () -> tasks.createTaskQuery().processInstanceId(mailCase.getId()).count() == 1);
        Task examine = tasks.createTaskQuery().processInstanceId(mailCase.getId()).singleResult();
        assertThat(examine.getTaskDefinitionKey()).isEqualTo("ExamineIncomingMail");
        assertThat(tasks.getIdentityLinksForTask(examine.getId())).anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("managers"));
        assertThat((String) runtime.getVariable(mailCase.getId(), "incomingProblem")).startsWith("aucun client n'a l'adresse inconnu-");
        assertThat(storage.exists((String) runtime.getVariable(mailCase.getId(), "incomingKey"))).isTrue();
    }

    @Test
    void aMailReadAgainAfterARestartStartsNoSecondCase() throws Exception {
        Client client = clients.store(TestClients.client("relu", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        String messageId = write(client.contactRules().email(), "Une seule fois", "Merci.", null);
        String businessKey = caseOf(messageId).getBusinessKey();

        TestMail.markUnread(mail, drafting.incoming().username(), messageId);
        reader.readNow();

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isEqualTo(1);
    }

    private String write(String from, String subject, String text, byte[] pdf) throws Exception {
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, pdf != null, "UTF-8");
        helper.setFrom(from);
        helper.setTo(drafting.incoming().username());
        helper.setSubject(subject);
        helper.setText(text);
        if (pdf != null) {
            helper.addAttachment("resultats.pdf", new ByteArrayResource(pdf), "application/pdf");
        }
        message.saveChanges();
        String messageId = message.getMessageID();
        smtp.send(message);
        return messageId;
    }

    /** The case the mail started, whether the background reader or this test read the mailbox first. */
    private ProcessInstance caseOf(String messageId) throws Exception {
        await("the mail to start a case", () -> {
            try {
                reader.readNow();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey("mail-" + IncomingMail.keyOf(messageId)).count() == 1;
        });
        return started(messageId);
    }

    private ProcessInstance started(String messageId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey("mail-" + IncomingMail.keyOf(messageId)).singleResult();
    }

    private Task review(ProcessInstance mailCase) {
        return tasks.createTaskQuery().processInstanceId(mailCase.getId()).taskDefinitionKey("ReviewDraft").singleResult();
    }
}

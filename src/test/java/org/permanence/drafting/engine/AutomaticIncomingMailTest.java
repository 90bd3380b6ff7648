package org.permanence.drafting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.Eventually.await;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestClients;
import org.permanence.TestMail;
import org.permanence.TestOffice;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.clients.engine.ClientTenants;
import org.permanence.drafting.DraftingProperties;
import org.permanence.mail.IncomingMail;
import org.permanence.mail.MailFolder;
import org.permanence.mail.MailProperties;
import org.permanence.storage.ObjectStorage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Robots write to the secretariat mailbox as they do in real life (RFC 3834): a client's out-of-office
 * reply, a vacation program's {@code X-Autoreply}, a mailing, a bounce, a mail with an empty return
 * path. Each is kept and listed, and none becomes a draft to review or an answer; the client's own
 * mail, sent alongside, still does.
 */
@OfficeIntegrationTest
class AutomaticIncomingMailTest {

    @Autowired
    IncomingClientMail reader;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    Clients clients;
    @Autowired
    ClientTenants tenants;
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
    JdbcClient jdbc;

    @Test
    void outOfOfficeRepliesBouncesAndMailingsAreKeptAndListedButNeverDraftedFromNorAnswered() throws Exception {
        Client client = clients.store(TestClients.client("absent", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        tenants.addSecretary(client.id(), "claire");
        String from = client.contactRules().email();
        String secretariat = drafting.incoming().username();
        String outOfOffice = send(TestMail.raw(from, secretariat, "Réponse automatique : absent jusqu'au 12",
                "Auto-Submitted: auto-replied", TestMail.AWAY));
        String autoreply = send(TestMail.raw(from, secretariat, "Je suis en congés", "X-Autoreply: yes", TestMail.AWAY));
        String bulk = send(TestMail.raw(from, secretariat, "Lettre d'information de mars", "Precedence: bulk", TestMail.AWAY));
        String bounce = send(TestMail.raw(from, secretariat, "Undelivered Mail Returned to Sender", null, TestMail.DELIVERY_REPORT));
        String nullSender = deliverFromNullSender(TestMail.raw(from, secretariat, "Accusé de lecture", null, TestMail.AWAY));
        String person = send(TestMail.raw(from, secretariat, "Merci d'envoyer le compte rendu", null, TestMail.AWAY));

        await("the client's own mail to become a draft to review", () -> {
            readNow();
            return tasks.createTaskQuery().processInstanceBusinessKey("mail-" + IncomingMail.keyOf(person))
                    .taskDefinitionKey("ReviewDraft").count() == 1;
        });
        String list = TestOffice.call("GET", SharedNode.baseUrl() + "/mail", "claire", DEMO_PASSWORD, null).body();
        Map<String, String> robots = Map.of(outOfOffice, "réponse automatique (Auto-Submitted: auto-replied)",
                autoreply, "réponse automatique (X-Autoreply: yes)", bulk, "envoi en nombre (Precedence: bulk)",
                bounce, "avis de remise (Content-Type: multipart/report)", nullSender, "avis de remise (Return-Path: <>)");
        for (Map.Entry<String, String> robot : robots.entrySet()) {
            String messageId = robot.getKey();
            String reason = robot.getValue();
            assertThat(jdbc.sql("select problem from incoming_mail where message_id = ? and process_instance_id is null")
                    .param(messageId).query(String.class).optional()).as("claimed once, no case: " + reason).contains(reason);
            String kept = "clients/" + client.id() + "/incoming/" + IncomingMail.keyOf(messageId) + "/mail.eml";
            assertThat(new String(storage.get(kept).orElseThrow(), StandardCharsets.UTF_8)).as("kept: " + reason).contains(messageId);
            assertThat(list).as("listed: " + reason).contains(reason.replace("<", "&lt;").replace(">", "&gt;"));
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("mail-" + IncomingMail.keyOf(messageId))
                    .count()).as("no drafting case: " + reason).isZero();
        }
        assertThat(list).contains("Réponse automatique : absent jusqu&#39;au 12", "Undelivered Mail Returned to Sender");
        assertThat(tasks.createTaskQuery().tenantIdIn(client.id()).list()).as("one task only: the client's own mail")
                .singleElement().satisfies(task -> assertThat(task.getName()).startsWith("Relire le brouillon"));
        assertThat(TestMail.to(folder, from)).as("nothing answered").isEmpty();

        // as after a restart of the embedded server, which forgets which mails were read: still nothing started
        TestMail.markUnread(mail, drafting.incoming().username(), outOfOffice);
        readNow();
        assertThat(tasks.createTaskQuery().tenantIdIn(client.id()).count()).isEqualTo(1);
    }

    /**
     * Delivered as from {@code MAIL FROM:<>}, as bounces and read receipts are: the receiving server writes
     * {@code Return-Path: <>} on top. GreenMail's SMTP refuses the null sender, so the mail is filed over IMAP.
     */
    private String deliverFromNullSender(String raw) throws Exception {
        MimeMessage message = TestMail.message("Return-Path: <>\n" + raw);
        TestMail.deliver(mail, drafting.incoming().username(), message);
        return message.getMessageID();
    }

    private String send(String raw) throws Exception {
        MimeMessage message = TestMail.message(raw);
        smtp.send(message);
        return message.getMessageID();
    }

    private void readNow() {
        try {
            reader.readNow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

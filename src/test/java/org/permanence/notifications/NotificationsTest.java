package org.permanence.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestClients;
import org.permanence.TestMail;
import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Clients;
import org.permanence.mail.ClientMail;
import org.permanence.mail.MailFolder;
import org.permanence.mail.MailNotSent;
import org.permanence.mail.MailProperties;
import org.permanence.mail.OutgoingMail;
import org.permanence.mail.StoredMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Never twice, never lost: against the node's real database and SMTP server. */
@OfficeIntegrationTest
class NotificationsTest {

    @Autowired
    Notifications notifications;
    @Autowired
    NotificationRepository repository;
    @Autowired
    OutgoingMail outgoing;
    @Autowired
    MailProperties properties;
    @Autowired
    MailFolder folder;
    @Autowired
    Clients clients;
    @Autowired
    JdbcClient jdbc;

    private Client client;
    private ClientMail mail;
    private String key;

    @BeforeEach
    void aClientAndAMessage() {
        client = clients.store(TestClients.client("ledger", "fr", MessageDelivery.IMMEDIATELY, null));
        mail = new ClientMail(client.id(), client.contactRules().email(), "Message de M. Dupont", "M. Dupont a appelé.");
        key = "call-" + client.id() + ":notify-client";
    }

    @Test
    void theSameKeyTwiceSendsOneMail() {
        assertThat(notifications.sendOnce(key, mail)).isEqualTo(Notifications.Outcome.SENT);
        assertThat(notifications.sendOnce(key, mail)).isEqualTo(Notifications.Outcome.ALREADY_SENT);

        assertThat(TestMail.to(folder, mail.to())).hasSize(1);
        assertThat(row()).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 1)
                .containsEntry("RECIPIENT", mail.to()).containsEntry("MESSAGE_ID", outgoing.messageIdFor(key));
        assertThat(row().get("SENT_AT")).isNotNull();
    }

    @Test
    void aCrashBetweenTheMailServerAndTheTableSendsAgainWithTheSameMessageId() throws Exception {
        // the first attempt, up to the crash: the mail server took the mail, the table was never told
        repository.open(key, mail, outgoing.messageIdFor(key), Instant.now());
        repository.startAttempt(key, mail, Instant.now());
        outgoing.send(mail, key);

        assertThat(notifications.sendOnce(key, mail)).isEqualTo(Notifications.Outcome.SENT);

        assertThat(TestMail.to(folder, mail.to())).hasSize(2).extracting(sent -> sent.message().getMessageID())
                .containsOnly(outgoing.messageIdFor(key));
        assertThat(row()).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 2);
        assertThat(notifications.sendOnce(key, mail)).isEqualTo(Notifications.Outcome.ALREADY_SENT);
    }

    @Test
    void aMailServerThatIsDownFailsTheAttemptAndTheRetrySendsOnce() {
        Notifications serverDown = new Notifications(repository, TestMail.serverDown(properties));

        assertThatThrownBy(() -> serverDown.sendOnce(key, mail)).isInstanceOf(MailNotSent.class)
                .hasMessageContaining(client.id()).hasMessageContaining(mail.to());
        assertThat(row()).containsEntry("STATUS", "SENDING").containsEntry("ATTEMPTS", 1);
        assertThat(TestMail.to(folder, mail.to())).isEmpty();

        assertThat(notifications.sendOnce(key, mail)).isEqualTo(Notifications.Outcome.SENT);
        assertThat(notifications.sendOnce(key, mail)).isEqualTo(Notifications.Outcome.ALREADY_SENT);
        assertThat(TestMail.to(folder, mail.to())).extracting(StoredMail::subject).containsExactly("Message de M. Dupont");
        assertThat(row()).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 2);
    }

    private Map<String, Object> row() {
        return upperCaseKeys(jdbc.sql("select * from notification where idempotency_key = ?").param(key).query().singleRow());
    }

    /** H2 names columns in upper case, PostgreSQL in lower case. */
    private static Map<String, Object> upperCaseKeys(Map<String, Object> row) {
        Map<String, Object> upper = new HashMap<>();
        row.forEach((column, value) -> upper.put(column.toUpperCase(), value));
        return upper;
    }
}

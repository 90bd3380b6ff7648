package org.permanence.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestMail;
import org.springframework.beans.factory.annotation.Autowired;

/** Mail goes through the node's real SMTP server and arrives as the client would receive it. */
@OfficeIntegrationTest
class OutgoingMailTest {

    @Autowired
    OutgoingMail outgoing;
    @Autowired
    MailFolder folder;
    @Autowired
    MailProperties properties;

    @Test
    void aClientsMailArrivesWithItsClientMessageIdTextHtmlAndAttachment() throws Exception {
        String to = "outgoing-" + System.nanoTime() + "@example.fr";
        byte[] pdf = "%PDF-1.7 résultats".getBytes(StandardCharsets.UTF_8);

        String messageId = outgoing.send(new ClientMail("cabinet-martin", to, "Résultats d'analyse\r\n  reçus",
                "Bonjour,\nles résultats de Mme Lefèvre sont arrivés.", "<p>Bonjour,<br>les résultats de Mme Lefèvre sont <b>arrivés</b>.</p>",
                List.of(new ClientMail.Attachment("résultats.pdf", "application/pdf", pdf))), "call-1:notify-client");

        List<StoredMail> received = TestMail.to(folder, to);
        assertThat(received).hasSize(1);
        StoredMail mail = received.get(0);
        assertThat(mail.clientId()).contains("cabinet-martin");
        assertThat(mail.from()).isEqualTo(properties.from());
        assertThat(mail.to()).isEqualTo(to);
        assertThat(mail.subject()).as("one line").isEqualTo("Résultats d'analyse reçus");
        assertThat(mail.text()).isEqualToNormalizingNewlines("Bonjour,\nles résultats de Mme Lefèvre sont arrivés.");
        assertThat(mail.message().getMessageID()).isEqualTo(messageId).isEqualTo(outgoing.messageIdFor("call-1:notify-client"));
        assertThat(mail.attachmentNames()).containsExactly("résultats.pdf");
        assertThat(TestMail.attachment(mail, "résultats.pdf")).isEqualTo(pdf);
    }

    @Test
    void anAutomaticMailSaysSoAndAMailAPersonSentDoesNot() throws Exception {
        String to = "automatic-" + System.nanoTime() + "@example.fr";

        outgoing.send(new ClientMail("cabinet-martin", to, "Rendez-vous confirmé", "Bonjour"), "automatic:" + to);
        outgoing.send(new ClientMail("cabinet-martin", to, "Votre ordonnance", "Madame,").sentByAPerson(), "person:" + to);

        List<StoredMail> received = TestMail.to(folder, to);
        assertThat(received).hasSize(2);
        assertThat(TestMail.autoSubmitted(received.get(0))).isEqualTo("auto-generated");
        assertThat(received.get(0).message().getHeader("X-Auto-Response-Suppress", ",")).isEqualTo("OOF, AutoReply");
        assertThat(TestMail.autoSubmitted(received.get(1))).isNull();
        assertThat(received.get(1).message().getHeader("X-Auto-Response-Suppress")).isNull();
    }

    @Test
    void aKeyAlwaysGivesTheSameMessageIdAndAnotherKeyAnother() {
        assertThat(outgoing.messageIdFor("call-1:notify-client")).isEqualTo(outgoing.messageIdFor("call-1:notify-client"))
                .isNotEqualTo(outgoing.messageIdFor("call-1:notify-urgent-contact"))
                .matches("<[0-9a-f]{32}@permanence\\.local>");
    }

    @Test
    void aMailServerThatIsDownIsReportedWithTheClientAndTheRecipient() {
        OutgoingMail down = TestMail.serverDown(properties);

        assertThatThrownBy(() -> down.send(new ClientMail("cabinet-martin", "dr.martin@example.fr", "Message", "Texte"), "k"))
                .isInstanceOf(MailNotSent.class)
                .hasMessageContaining("client cabinet-martin").hasMessageContaining("dr.martin@example.fr")
                .hasMessageContaining("Couldn't connect to host");
    }
}

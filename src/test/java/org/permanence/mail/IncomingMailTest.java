package org.permanence.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** A mail from a mailbox is read as far as it can be; what cannot be read says why. */
@Tag("unit")
class IncomingMailTest {

    private static final String MAIL = """
            Message-ID: <42@cabinet.example.fr>
            From: "Dr Martin" <dr.martin@example.fr>
            To: secretariat@permanence.local
            Subject: =?UTF-8?Q?R=C3=A9sultats?=
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: 8bit

            Merci d'envoyer ces résultats.
            --b
            Content-Type: application/pdf; name="analyse.pdf"
            Content-Disposition: attachment; filename="analyse.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQ=
            --b--
            """.replace("\n", "\r\n");

    @Test
    void readsTheSenderTheTextAndTheAttachments() {
        IncomingMail mail = IncomingMail.read(MAIL.getBytes(StandardCharsets.UTF_8), 100_000);

        assertThat(mail.problem()).isNull();
        assertThat(mail.messageId()).isEqualTo("<42@cabinet.example.fr>");
        assertThat(mail.from()).isEqualTo("dr.martin@example.fr");
        assertThat(mail.subject()).isEqualTo("Résultats");
        assertThat(mail.text()).isEqualTo("Merci d'envoyer ces résultats.");
        assertThat(mail.attachments()).singleElement().satisfies(file -> {
            assertThat(file.name()).isEqualTo("analyse.pdf");
            assertThat(file.contentType()).isEqualTo("application/pdf");
            assertThat(new String(file.content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4");
        });
        assertThat(mail.key()).isEqualTo(IncomingMail.keyOf("<42@cabinet.example.fr>")).hasSize(24);
    }

    @Test
    void anOversizedMailIsKeptWholeButNotReadAndSaysWhy() {
        byte[] raw = MAIL.getBytes(StandardCharsets.UTF_8);

        IncomingMail mail = IncomingMail.read(raw, 100);

        assertThat(mail.problem()).startsWith("trop gros");
        assertThat(mail.from()).isEqualTo("dr.martin@example.fr");
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.raw()).isEqualTo(raw);
    }

    @Test
    void aMailWithoutMessageIdGetsOneFromItsBytesSoItIsStillTakenOnce() {
        byte[] raw = "From: a@example.fr\r\nSubject: x\r\n\r\nbonjour".getBytes(StandardCharsets.UTF_8);

        assertThat(IncomingMail.read(raw, 1000).messageId()).isEqualTo(IncomingMail.read(raw, 1000).messageId())
                .startsWith("<sha256-");
    }
}

package org.permanence.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class MailFolderTest {

    @TempDir
    Path root;

    @Test
    void keepsEachMailboxsMessagesAndReadsThemBack() throws Exception {
        MailFolder folder = new MailFolder(root);
        String first = folder.save("dr.martin@example.fr", message("Résultats reçus", "cabinet-martin"));
        folder.save("contact@plomberie-leroy.example.fr", message("Fuite rue Sainte-Catherine", "plomberie-leroy"));

        assertThat(new MailFolder(root).all()).extracting(StoredMail::subject)
                .containsExactly("Résultats reçus", "Fuite rue Sainte-Catherine");
        StoredMail found = new MailFolder(root).find(first).orElseThrow();
        assertThat(found.mailbox()).isEqualTo("dr.martin@example.fr");
        assertThat(found.clientId()).contains("cabinet-martin");
        assertThat(found.text()).isEqualTo("Bonjour,\nvoici le message.");
    }

    @Test
    void ignoresIdsItDidNotMakeAndRefusesOddMailboxes() throws Exception {
        MailFolder folder = new MailFolder(root);

        assertThat(folder.find("../../etc/passwd")).isEmpty();
        assertThatThrownBy(() -> folder.save("../evil", message("x", "y"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static MimeMessage message(String subject, String client) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("secretariat@permanence.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("someone@example.fr"));
        message.setSubject(subject, "UTF-8");
        message.setText("Bonjour,\nvoici le message.", "UTF-8");
        message.setHeader(StoredMail.CLIENT_HEADER, client);
        return message;
    }
}

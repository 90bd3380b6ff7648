package org.permanence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The embedded defaults keep everything on disk: after a kill -9 and a restart, clients, users,
 * stored objects and mails are all still there.
 */
@Tag("jar")
class RestartAfterKillIT {

    private static final String SECRET = "restart-Secret-1";

    @Test
    void clientsUsersObjectsAndMailsSurviveAKill() throws Exception {
        Path dataDir = TestOffice.newDataDir();
        Map<String, Object> settings = TestOffice.nodeProperties(dataDir);
        settings.put("permanence.storage.secret-key", SECRET);
        String briefingNote = "Note written before the crash " + System.nanoTime();

        try (JarNode first = JarNode.start("restart-first", settings)) {
            String base = first.baseUrl();
            String plumber = call("GET", base + "/api/clients/plomberie-leroy", "nadia", DEMO_PASSWORD, null).body();
            call("PUT", base + "/api/clients/plomberie-leroy", "nadia", DEMO_PASSWORD,
                    plumber.replaceFirst("\"notes\":\"[^\"]*\"", "\"notes\":\"" + briefingNote + "\""));
            storage(settings).putObject(PutObjectArgs.builder().bucket("permanence").object("restart/hello.txt")
                    .stream(new ByteArrayInputStream("bonjour".getBytes(StandardCharsets.UTF_8)), 7, -1).build());
            sendMail(settings, "dr.martin@example.fr", "Message pour le Dr Martin");
            first.kill();
        }

        try (JarNode second = JarNode.start("restart-second", settings)) {
            String base = second.baseUrl();
            assertThat(call("GET", base + "/api/clients/plomberie-leroy", "nadia", DEMO_PASSWORD, null).body())
                    .contains(briefingNote);
            assertThat(call("GET", base + "/engine-rest/task", "claire", DEMO_PASSWORD, null).statusCode())
                    .as("claire's password survived").isEqualTo(200);
            try (var object = storage(settings).getObject(GetObjectArgs.builder().bucket("permanence").object("restart/hello.txt").build())) {
                assertThat(new String(object.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("bonjour");
            }
            assertThat(imapSubjects(settings, "dr.martin@example.fr")).contains("Message pour le Dr Martin");
            assertThat(call("GET", base + "/mail", "nadia", DEMO_PASSWORD, null).body()).contains("Message pour le Dr Martin");
        }
    }

    private static MinioClient storage(Map<String, Object> settings) {
        return MinioClient.builder().endpoint(settings.get("permanence.storage.endpoint").toString())
                .credentials("permanence", SECRET).region("us-east-1").build();
    }

    private static void sendMail(Map<String, Object> settings, String to, String subject) throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", settings.get("permanence.mail.smtp-port").toString());
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("secretariat@permanence.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText("Rappeler M. Dupont au 06 12 34 56 78.", "UTF-8");
        Transport.send(message);
    }

    private static List<String> imapSubjects(Map<String, Object> settings, String mailbox) throws Exception {
        Properties imap = new Properties();
        imap.put("mail.imap.host", "127.0.0.1");
        imap.put("mail.imap.port", settings.get("permanence.mail.imap-port").toString());
        Store store = Session.getInstance(imap).getStore("imap");
        store.connect(mailbox, mailbox);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            return subjects;
        } finally {
            store.close();
        }
    }
}

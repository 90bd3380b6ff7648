package org.permanence;

import java.io.IOException;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.permanence.mail.MailFolder;
import org.permanence.mail.MailProperties;
import org.permanence.mail.OutgoingMail;
import org.permanence.mail.StoredMail;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Reading what the shared node's embedded mail server received, as a client's mailbox would. */
public final class TestMail {

    private TestMail() {
    }

    /**
     * A started SMTP relay on loopback that accepts any sender, standing in for the office's relay.
     * Its start gets the same patience as the embedded server's: 2 s was missed on a busy 2-core machine.
     */
    public static GreenMail relay(int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        smtp.setServerStartupTimeout(30_000);
        GreenMail relay = new GreenMail(smtp).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        relay.start();
        return relay;
    }

    /** The mails delivered to this address, oldest first. */
    public static List<StoredMail> to(MailFolder folder, String address) {
        return folder.all().stream().filter(mail -> mail.mailbox().equalsIgnoreCase(address)).toList();
    }

    /** The content of the attachment with this file name. */
    public static byte[] attachment(StoredMail mail, String fileName) throws MessagingException, IOException {
        Multipart parts = (Multipart) mail.message().getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (fileName.equals(part.getFileName())) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("No attachment " + fileName + " in " + mail.subject() + "; it has " + mail.attachmentNames());
    }

    /** Outgoing mail pointed at a port where no mail server listens: the mail server is down. */
    public static OutgoingMail serverDown(MailProperties properties) {
        JavaMailSenderImpl nobodyListens = new JavaMailSenderImpl();
        nobodyListens.setHost("127.0.0.1");
        nobodyListens.setPort(TestOffice.freePort());
        return new OutgoingMail(nobodyListens, properties);
    }

    /**
     * Marks the mail unread again in the embedded server's mailbox, as after a restart: the embedded
     * server keeps messages on disk but not their flags, so every mail is unread again then.
     */
    public static void markUnread(MailProperties properties, String mailbox, String messageId) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", properties.imapPort(), mailbox, "");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message message : inbox.getMessages()) {
                if (messageId.equals(((MimeMessage) message).getMessageID())) {
                    message.setFlag(Flags.Flag.SEEN, false);
                }
            }
            inbox.close(false);
        } finally {
            store.close();
        }
    }
}

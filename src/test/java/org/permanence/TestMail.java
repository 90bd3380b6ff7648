package org.permanence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
     * Puts the message into the mailbox over IMAP (APPEND), exactly as it is, as the receiving server
     * files what it delivered: for what GreenMail's SMTP refuses, such as a bounce from the null sender
     * ({@code MAIL FROM:<>}), whose delivery writes {@code Return-Path: <>} on top.
     */
    public static void deliver(MailProperties properties, String mailbox, MimeMessage message) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", properties.imapPort(), mailbox, "");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.appendMessages(new Message[] {message});
        } finally {
            store.close();
        }
    }

    /** The body of an out-of-office reply, for {@link #raw}. */
    public static final String AWAY = "Content-Type: text/plain; charset=UTF-8\n\nJe suis absent jusqu'au 12, je vous répondrai à mon retour.\n";

    /** The body of a delivery status notification (a bounce) as mail servers send them (RFC 3464), for {@link #raw}. */
    public static final String DELIVERY_REPORT = """
            Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

            --dsn
            Content-Type: text/plain; charset=UTF-8

            Your message could not be delivered to dr.martin@example.fr.
            --dsn
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.fr

            Final-Recipient: rfc822; dr.martin@example.fr
            Action: failed
            Status: 5.1.1
            --dsn
            Content-Type: text/rfc822-headers

            From: secretariat@permanence.local
            Subject: Votre rendez-vous
            --dsn--
            """;

    /** A body of a few words and one attached file, for {@link #raw}. */
    public static String withAttachment(String fileName, String contentType, byte[] content) {
        return "Content-Type: multipart/mixed; boundary=\"part\"\n\n--part\nContent-Type: text/plain; charset=UTF-8\n\n"
                + "Document joint.\n--part\nContent-Type: " + contentType + "; name=\"" + fileName + "\"\n"
                + "Content-Disposition: attachment; filename=\"" + fileName + "\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content) + "\n--part--\n";
    }

    /**
     * A raw mail (lines ending in {@code \n}) as a person or a robot writes it: a fresh Message-ID, {@code header}
     * (such as {@code Auto-Submitted: auto-replied}; none when null) and a {@code body} with its own Content-Type.
     */
    public static String raw(String from, String to, String subject, String header, String body) {
        return "Message-ID: <robot-" + System.nanoTime() + "@example.fr>\nFrom: " + from + "\nTo: " + to
                + "\nSubject: =?UTF-8?B?" + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
                + "?=\nMIME-Version: 1.0\n" + (header == null ? "" : header + "\n") + body;
    }

    /** The raw mail as a message, its lines ending in CRLF as on the wire. */
    public static MimeMessage message(String raw) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code Auto-Submitted} header of a received mail (RFC 3834), null when it has none. */
    public static String autoSubmitted(StoredMail mail) throws MessagingException {
        return mail.message().getHeader("Auto-Submitted", ",");
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

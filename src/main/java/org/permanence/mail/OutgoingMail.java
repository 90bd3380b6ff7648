package org.permanence.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands mail to the SMTP server (the embedded one, or the office's relay). Every mail carries its
 * client in {@link StoredMail#CLIENT_HEADER} and a Message-ID derived from an idempotency key: when a
 * crash makes us send the same mail again, the copy has the same Message-ID, which mail servers and
 * clients use to recognise (and usually drop) a duplicate.
 *
 * <p>A mail no person sent ({@link ClientMail#byAPerson()} false) says it is automatic: {@code
 * Auto-Submitted: auto-generated} (RFC 3834), which out-of-office responders and mailing robots honour
 * by not answering, and Microsoft's {@code X-Auto-Response-Suppress} for Exchange, which reads that instead.
 */
@Component
public class OutgoingMail {

    /** RFC 3834's header: {@code no} for mail a person sent, anything else for mail a program sent or answered. */
    public static final String AUTO_SUBMITTED = "Auto-Submitted";

    private final JavaMailSender sender;
    private final String from;
    private final String domain;

    public OutgoingMail(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.from = properties.from();
        this.domain = properties.from().substring(properties.from().indexOf('@') + 1);
    }

    /** Sends the mail now and answers its Message-ID; throws {@link MailNotSent} when the server did not take it. */
    public String send(ClientMail mail, String idempotencyKey) {
        return send(mail, idempotencyKey, message -> { });
    }

    /**
     * The same, handing the message exactly as it will go (its Message-ID and parts final) to
     * {@code beforeSending} first, to keep a copy of what was sent; if that fails, nothing is sent.
     */
    public String send(ClientMail mail, String idempotencyKey, Consumer<MimeMessage> beforeSending) {
        String messageId = messageIdFor(idempotencyKey);
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = mail.calendar() != null
                    ? new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, StandardCharsets.UTF_8.name())
                    : new MimeMessageHelper(message, !mail.attachments().isEmpty() || mail.html() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.to());
            // a subject is one line, whatever a caller's name or reason contained
            helper.setSubject(mail.subject().replaceAll("\\s+", " ").strip());
            if (mail.calendar() != null) {
                helper.getMimeMultipart().addBodyPart(alternatives(mail));
            } else if (mail.html() == null) {
                helper.setText(mail.text());
            } else {
                helper.setText(mail.text(), mail.html());
            }
            for (ClientMail.Attachment attachment : mail.attachments()) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
            }
            message.setHeader(StoredMail.CLIENT_HEADER, mail.clientId());
            if (!mail.byAPerson()) {
                message.setHeader(AUTO_SUBMITTED, "auto-generated");
                // out-of-office and auto-replies only: a bounce (non-delivery report) still tells the relay's postmaster
                message.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
            }
            // JavaMailSenderImpl keeps a Message-ID that is already set instead of making up a new one
            message.setHeader("Message-ID", messageId);
            message.saveChanges();
            // saving makes up a Message-ID of its own: ours goes back, as JavaMailSenderImpl does when it sends
            message.setHeader("Message-ID", messageId);
            beforeSending.accept(message);
            sender.send(message);
            return messageId;
        } catch (MessagingException | MailException e) {
            throw new MailNotSent("Mail for client " + mail.clientId() + " to " + mail.to() + " not sent (Message-ID "
                    + messageId + "): " + e.getMessage(), e);
        }
    }

    /**
     * The text (and HTML) and the invitation as alternatives of one body, the invitation last (the
     * richest), as calendar clients expect: {@code multipart/alternative} first in the mixed mail.
     */
    private static MimeBodyPart alternatives(ClientMail mail) throws MessagingException {
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());
        alternatives.addBodyPart(text);
        if (mail.html() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            alternatives.addBodyPart(html);
        }
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.calendar().content(), mail.calendar().contentType())));
        alternatives.addBodyPart(calendar);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternatives);
        return body;
    }

    /** The same key always gives the same Message-ID; the key itself may hold characters a Message-ID may not. */
    public String messageIdFor(String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

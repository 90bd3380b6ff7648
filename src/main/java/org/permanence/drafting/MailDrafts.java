package org.permanence.drafting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.clients.OtherClientsReference;
import org.permanence.mail.ClientMail;
import org.permanence.mail.OutgoingMail;
import org.permanence.mail.TextTemplates;
import org.permanence.notifications.Notifications;
import org.permanence.storage.ClientObjects;
import org.permanence.storage.ObjectStorage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * A mail's way after the draft: sent once, with its letter and attachments, a copy of exactly what
 * went out kept in object storage, then archived under the client and linked to its case (table
 * {@code archived_mail}). What the drafting workers call; no engine in sight.
 */
@Service
public class MailDrafts {

    private final ClientRepository clients;
    private final MailTemplates templates;
    private final DraftingSettings settings;
    private final Letterheads letterheads;
    private final Notifications notifications;
    private final OutgoingMail outgoing;
    private final ObjectStorage storage;
    private final JdbcClient jdbc;
    private final SpringTemplateEngine coverNotes = TextTemplates.in("templates/drafting/cover-note/");

    MailDrafts(ClientRepository clients, MailTemplates templates, DraftingSettings settings, Letterheads letterheads,
               Notifications notifications, OutgoingMail outgoing, ObjectStorage storage, JdbcClient jdbc) {
        this.clients = clients;
        this.templates = templates;
        this.settings = settings;
        this.letterheads = letterheads;
        this.notifications = notifications;
        this.outgoing = outgoing;
        this.storage = storage;
        this.jdbc = jdbc;
    }

    /** The draft for a case and whether the client approves it before it goes. */
    public record Drafted(String clientName, Draft draft, boolean clientApproval) {
    }

    /** What the secretary decided to send, for case {@code caseId} (the process instance). */
    public record Outgoing(String caseId, String clientId, String reference, String recipientEmail, String recipientAddress,
                           String subject, String text, boolean letter, List<String> attachmentKeys) {
    }

    /** Where what went out is kept, and its Message-ID. */
    public record Sent(String messageId, String emlKey, String letterKey) {
    }

    /** Throws {@link MailTemplates.DraftImpossible} when the client or its template does not exist. */
    public Drafted draft(String clientId, String templateCode, CaseFacts facts) {
        Draft draft = templates.draft(clientId, templateCode, facts);
        return new Drafted(client(clientId).name(), draft, settings.of(clientId).clientApproval());
    }

    /** A reference the case keeps from its first draft on, short enough to quote on the phone. */
    public static String referenceFor(String caseId) {
        return "M-" + Year.now(ZoneId.of("Europe/Paris")) + "-" + caseId.replace("-", "").substring(0, 8).toUpperCase();
    }

    /**
     * Sends the mail once per case, however often this is retried: the letter is printed and kept, the
     * message is kept as {@code .eml} just before it goes, and a retry after a crash finds the mail sent.
     * Only the client's own objects go out with its mail: any other attachment refuses the whole mail.
     */
    public Sent send(Outgoing mail) {
        Client client = client(mail.clientId());
        for (String key : mail.attachmentKeys()) {
            if (!ClientObjects.belongsTo(key, client.id())) {
                throw new OtherClientsReference("Mail of case " + mail.caseId() + " not sent: its attachment " + key
                        + " is not an object of its client " + client.id());
            }
        }
        String folder = "clients/" + client.id() + "/outbox/" + mail.caseId();
        List<ClientMail.Attachment> attachments = new ArrayList<>();
        String letterKey = null;
        String text = mail.text();
        if (mail.letter()) {
            LocalDate date = Letterheads.today(client);
            byte[] pdf = letterheads.print(client, lines(mail.recipientAddress()), mail.reference(),
                    new Draft(mail.subject(), mail.text(), true), date);
            // the letter is the attachment; the mail only says what it is, as a letter's envelope would
            text = coverNote(client, mail, date);
            letterKey = folder + "/letter.pdf";
            storage.put(letterKey, pdf, "application/pdf");
            attachments.add(new ClientMail.Attachment(mail.reference() + ".pdf", "application/pdf", pdf));
        }
        for (String key : mail.attachmentKeys()) {
            byte[] content = storage.get(key).orElseThrow(() -> new IllegalStateException(
                    "Attachment " + key + " of case " + mail.caseId() + " is no longer in object storage"));
            attachments.add(new ClientMail.Attachment(key.substring(key.lastIndexOf('/') + 1), "application/octet-stream", content));
        }
        String emlKey = folder + "/mail.eml";
        String key = "mail-drafting:" + mail.caseId();
        // the secretary reviewed this mail and decided to send it: a person's mail, which an out-of-office may answer
        notifications.sendOnce(key, new ClientMail(client.id(), mail.recipientEmail(), mail.subject(), text, null, attachments)
                        .sentByAPerson(),
                message -> storage.put(emlKey, eml(message), "message/rfc822"));
        return new Sent(outgoing.messageIdFor(key), emlKey, letterKey);
    }

    /** The few lines a letter's mail carries, in the client's language, signed as the letter is. */
    private String coverNote(Client client, Outgoing mail, LocalDate date) {
        Map<String, Object> variables = Map.of("date", date, "subject", mail.subject(), "reference", mail.reference(),
                "signatory", letterheads.of(client).signatory());
        return coverNotes.process(client.language(), new Context(Locale.forLanguageTag(client.language()), variables)).strip() + "\n";
    }

    /** Files the sent mail (and its letter) under the client's archive for the year, and links it to the case; once. */
    public String archive(Outgoing mail, Sent sent) {
        String folder = "clients/" + mail.clientId() + "/archive/mails/" + Year.now(ZoneId.of("Europe/Paris")) + "/" + mail.reference();
        String emlKey = folder + "/mail.eml";
        storage.put(emlKey, storage.get(sent.emlKey()).orElseThrow(() -> new IllegalStateException(
                "The sent mail of case " + mail.caseId() + " is missing from " + sent.emlKey())), "message/rfc822");
        String letterKey = null;
        if (sent.letterKey() != null) {
            letterKey = folder + "/letter.pdf";
            storage.put(letterKey, storage.get(sent.letterKey()).orElseThrow(), "application/pdf");
        }
        try {
            jdbc.sql("""
                    insert into archived_mail (case_id, client_id, reference, message_id, recipient, subject, eml_key, letter_key, archived_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(mail.caseId(), mail.clientId(), mail.reference(), sent.messageId(), mail.recipientEmail(), mail.subject(),
                            emlKey, letterKey, Timestamp.from(Instant.now()))
                    .update();
        } catch (DuplicateKeyException archivedByAnEarlierTry) {
            // the same files were written again, to the same places
        }
        return emlKey;
    }

    /** The archive entry of a case: where its {@code .eml} is, if it was archived. */
    public Optional<String> archivedEml(String caseId) {
        return jdbc.sql("select eml_key from archived_mail where case_id = ?").param(caseId).query(String.class).optional();
    }

    private Client client(String clientId) {
        return clients.findById(clientId).orElseThrow(() -> new IllegalArgumentException("No client '" + clientId + "'"));
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static byte[] eml(MimeMessage message) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            return raw.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not write the mail as .eml: " + e.getMessage(), e);
        }
    }
}

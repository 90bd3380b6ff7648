package org.permanence.drafting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.mail.AutomaticMails;
import org.permanence.mail.IncomingMail;
import org.permanence.storage.ObjectStorage;
import org.permanence.system.PlainText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Mails clients send to the secretariat: each taken once by its Message-ID (table
 * {@code incoming_mail}, whatever restarts or nodes read the mailbox again), kept whole in object
 * storage with its attachments, matched to the client by the sender's address, and described as the
 * variables of the mail-drafting case it starts. An automatic mail (an out-of-office reply, a bounce)
 * is kept and listed the same way but starts no case: nobody drafts an answer to a robot.
 */
@Service
public class IncomingMails {

    private final JdbcClient jdbc;
    private final ClientRepository clients;
    private final ObjectStorage storage;
    private final AutomaticMails automatic;
    private final DraftingProperties properties;

    IncomingMails(JdbcClient jdbc, ClientRepository clients, ObjectStorage storage, AutomaticMails automatic,
                  DraftingProperties properties) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.storage = storage;
        this.automatic = automatic;
        this.properties = properties;
    }

    /**
     * Claims the mail for this transaction; false when it was taken before. Call inside the transaction
     * that starts its case, so that a mail is either claimed with its case or not at all.
     */
    public boolean claim(IncomingMail mail) {
        // no duplicate-key error for a mail taken before: on PostgreSQL it would spoil the whole transaction.
        // Two nodes claiming at the very same moment: one insert fails, its transaction rolls back, its next turn skips the mail
        return jdbc.sql("insert into incoming_mail (message_id, sender, received_at) select ?, ?, ? "
                        + "where not exists (select 1 from incoming_mail where message_id = ?)")
                .params(mail.messageId(), mail.from(), Timestamp.from(Instant.now()), mail.messageId()).update() == 1;
    }

    /** Keeps the mail and its attachments under its client (or aside when no client has its sender), and says what the case needs. */
    public Map<String, Object> keep(IncomingMail mail) {
        List<String> owners = owners(mail);
        Client client = owners.size() == 1 ? clients.findById(owners.get(0)).orElse(null) : null;
        String folder = folder(mail, client);
        storage.put(folder + "/mail.eml", mail.raw(), "message/rfc822");
        List<String> attachmentKeys = new ArrayList<>();
        for (IncomingMail.File file : mail.attachments()) {
            // one folder per attachment: two may share a name; the name itself is the one the sender gave, made safe
            String key = folder + "/" + attachmentKeys.size() + "/" + file.name().replaceAll("[^A-Za-z0-9._-]", "_");
            storage.put(key, file.content(), file.contentType());
            attachmentKeys.add(key);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("clientId", client == null ? null : client.id());
        variables.put("clientName", client == null ? "Expéditeur inconnu" : client.name());
        variables.put("incomingFrom", mail.from());
        variables.put("incomingSubject", mail.subject());
        variables.put("incomingKey", folder + "/mail.eml");
        // shown as markdown in Relire le brouillon: the sender's words are shown as he wrote them, never as links or markup
        variables.put("request", "**Demande de " + PlainText.inMarkdown(mail.from()) + " :** " + PlainText.inMarkdown(mail.subject()) + "\n\n"
                + PlainText.linesInMarkdown(mail.text()));
        variables.put("reason", mail.subject());
        variables.put("notes", mail.text());
        variables.put("templateCode", "answer");
        variables.put("attachmentKeys", String.join("\n", attachmentKeys));
        if (!mail.attachments().isEmpty()) {
            variables.put("documentName", mail.attachments().get(0).name());
        }
        String problem = mail.problem();
        if (problem == null && client == null) {
            problem = owners.isEmpty() ? "aucun client n'a l'adresse " + mail.from()
                    : "l'adresse " + mail.from() + " est celle de plusieurs clients : " + String.join(", ", owners);
        }
        variables.put("incomingProblem", problem);
        return variables;
    }

    /** Keeps an automatic mail where {@link #keep} would, and lists it with the other automatic mails; starts nothing. */
    public void keepAutomatic(IncomingMail mail) {
        List<String> owners = owners(mail);
        Client client = owners.size() == 1 ? clients.findById(owners.get(0)).orElse(null) : null;
        String key = folder(mail, client) + "/mail.eml";
        storage.put(key, mail.raw(), "message/rfc822");
        automatic.keep(properties.incoming().username(), client == null ? null : client.id(), mail, key);
        jdbc.sql("update incoming_mail set client_id = ?, problem = ? where message_id = ?")
                .params(client == null ? null : client.id(), mail.automatic().reason(), mail.messageId()).update();
    }

    private List<String> owners(IncomingMail mail) {
        return mail.from().isBlank() ? List.of() : clients.clientsOfEmail(mail.from());
    }

    private static String folder(IncomingMail mail, Client client) {
        return (client == null ? "incoming/unmatched/" : "clients/" + client.id() + "/incoming/") + mail.key();
    }

    public void started(IncomingMail mail, String caseId, String problem) {
        jdbc.sql("update incoming_mail set process_instance_id = ?, problem = ? where message_id = ?")
                .params(caseId, problem, mail.messageId()).update();
    }
}

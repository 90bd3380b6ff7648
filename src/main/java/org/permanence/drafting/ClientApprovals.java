package org.permanence.drafting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HexFormat;
import java.util.Locale;

import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.links.LinkProperties;
import org.permanence.links.SignedLinks;
import org.permanence.mail.ClientMail;
import org.permanence.notifications.Notifications;
import org.springframework.stereotype.Service;

/**
 * A client who approves drafts first gets each one by e-mail with two signed links: approve (the mail
 * goes) and change (back to the secretary, with the client's remark). The links do that one thing,
 * once, for {@link DraftingProperties#approvalLinkValidity()}; their subject is the case.
 */
@Service
public class ClientApprovals {

    public static final String APPROVE = "approve-mail";
    public static final String CHANGE = "change-mail";

    private final ClientRepository clients;
    private final SignedLinks links;
    private final LinkProperties linkProperties;
    private final Notifications notifications;
    private final DraftingProperties properties;

    ClientApprovals(ClientRepository clients, SignedLinks links, LinkProperties linkProperties, Notifications notifications,
                    DraftingProperties properties) {
        this.clients = clients;
        this.links = links;
        this.linkProperties = linkProperties;
        this.notifications = notifications;
        this.properties = properties;
    }

    /** The draft of case {@code caseId} as the client reads it; each new version of the draft is asked about once. */
    public void ask(String caseId, String clientId, String subject, String text) {
        send(caseId, clientId, subject, text, false);
    }

    /** The same draft again, saying it still waits; once per version of the draft. */
    public void remind(String caseId, String clientId, String subject, String text) {
        send(caseId, clientId, subject, text, true);
    }

    public DraftingProperties timing() {
        return properties;
    }

    private void send(String caseId, String clientId, String subject, String text, boolean reminder) {
        Client client = clients.findById(clientId).orElseThrow(() -> new IllegalArgumentException("No client '" + clientId + "'"));
        Instant expires = Instant.now().plus(properties.approvalLinkValidity());
        String approve = linkProperties.at("/links/mail/approve?t=" + links.sign(caseId, APPROVE, expires));
        String change = linkProperties.at("/links/mail/change?t=" + links.sign(caseId, CHANGE, expires));
        boolean french = "fr".equals(client.language());
        String until = expires.atZone(ZoneId.of(client.timeZone()))
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(Locale.forLanguageTag(client.language())));
        String title = (reminder ? (french ? "Rappel — " : "Reminder — ") : "") + (french ? "À valider : " : "To approve: ") + subject;
        String body = french
                ? "Bonjour,\n\nLe secrétariat a préparé ce mail pour vous. Il ne partira qu'avec votre accord.\n\n"
                  + "Objet : " + subject + "\n----------\n" + text.strip() + "\n----------\n\n"
                  + "L'envoyer tel quel : " + approve + "\nDemander une modification : " + change + "\n\n"
                  + "Chaque lien sert une fois, jusqu'au " + until + ".\n"
                : "Hello,\n\nThe secretariat prepared this mail for you. It will only go with your approval.\n\n"
                  + "Subject: " + subject + "\n----------\n" + text.strip() + "\n----------\n\n"
                  + "Send it as it is: " + approve + "\nAsk for a change: " + change + "\n\n"
                  + "Each link works once, until " + until + ".\n";
        String key = (reminder ? "mail-approval-reminder:" : "mail-approval:") + caseId + ":" + version(subject, text);
        notifications.sendOnce(key, new ClientMail(clientId, client.contactRules().email(), title, body));
    }

    private static String version(String subject, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((subject + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

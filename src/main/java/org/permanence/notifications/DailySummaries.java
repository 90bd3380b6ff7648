package org.permanence.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.ClientRepository;
import org.permanence.mail.ClientMail;
import org.springframework.stereotype.Service;

/**
 * The daily summary, for clients whose contact rules say DAILY_SUMMARY: messages wait in a table
 * until the client's hour, then go in one mail with a PDF of them. The process daily-summary.bpmn
 * decides when; this class decides what.
 */
@Service
public class DailySummaries {

    private final SummaryMessageRepository messages;
    private final ClientRepository clients;
    private final MailTexts texts;
    private final Notifications notifications;
    private final ClientNotifications immediately;

    DailySummaries(SummaryMessageRepository messages, ClientRepository clients, MailTexts texts, Notifications notifications,
                   ClientNotifications immediately) {
        this.messages = messages;
        this.clients = clients;
        this.texts = texts;
        this.notifications = notifications;
        this.immediately = immediately;
    }

    /** When the next summary is due, and whether it is the last one (the client wants no summary any more). */
    public record NextSummary(Instant dueAt, boolean last) {
    }

    /**
     * Keeps a call's message for the client's next summary, once however often the step is retried.
     * A client that has switched to immediate messages since the call was routed gets it now instead:
     * no summary would ever take it.
     */
    public void keep(CallMessage message) {
        if (client(message.clientId()).contactRules().messages() == MessageDelivery.DAILY_SUMMARY) {
            messages.keep(message);
        } else {
            immediately.tellNow(message);
        }
    }

    /**
     * The client's next summary after {@code now}, at its chosen hour in its time zone. A client that
     * no longer wants summaries gets a last one at once, with whatever still waits (often nothing).
     */
    public NextSummary next(String clientId, Instant now) {
        Client client = client(clientId);
        if (client.contactRules().messages() != MessageDelivery.DAILY_SUMMARY) {
            return new NextSummary(now, true);
        }
        return new NextSummary(SummaryTime.next(client.contactRules().dailySummaryAt(), ZoneId.of(client.timeZone()), now), false);
    }

    /**
     * Sends the summary due at {@code dueAt}: one mail with every waiting message, the same messages
     * in an attached PDF, and marks them summarised. No message, no mail that day: an empty summary
     * would teach the client to ignore them. A retry sends the same messages under the same key, so
     * at most once. Answers how many messages the summary holds.
     */
    public int send(String clientId, Instant dueAt) {
        Client client = client(clientId);
        String summaryId = summaryId(clientId, dueAt);
        List<CallMessage> taken = messages.of(summaryId);
        if (taken.isEmpty()) {
            messages.takeWaiting(clientId, summaryId);
            taken = messages.of(summaryId);
        }
        if (taken.isEmpty()) {
            return 0;
        }
        Summary summary = summary(client, dueAt, taken);
        notifications.sendOnce(summaryId, new ClientMail(client.id(), client.contactRules().email(), summary.wording().subject(),
                summary.wording().text(), null, List.of(summary.pdf())));
        messages.markSummarised(summaryId, Instant.now());
        return taken.size();
    }

    /** A summary that went out to the client: when it was due, and the day it covers in the client's time zone. */
    public record SentSummary(Instant dueAt, LocalDate day) {
    }

    /** The client's summaries that went out, newest first: what its people may download again. */
    public List<SentSummary> sent(String clientId, int limit) {
        ZoneId zone = ZoneId.of(client(clientId).timeZone());
        String prefix = summaryId(clientId, null);
        return messages.sentOf(clientId, limit).stream()
                .filter(id -> id.startsWith(prefix))
                .map(id -> Instant.parse(id.substring(prefix.length())))
                .map(dueAt -> new SentSummary(dueAt, dueAt.atZone(zone).toLocalDate()))
                .toList();
    }

    /**
     * The PDF of the client's summary due at {@code dueAt}, as it went out with the mail (printed again from the same
     * messages); empty when this client had no such summary.
     */
    public Optional<ClientMail.Attachment> pdf(String clientId, Instant dueAt) {
        List<CallMessage> taken = messages.of(summaryId(clientId, dueAt));
        if (taken.isEmpty() || taken.stream().anyMatch(message -> !clientId.equals(message.clientId()))) {
            return Optional.empty();
        }
        return Optional.of(summary(client(clientId), dueAt, taken).pdf());
    }

    private record Summary(MailTexts.Wording wording, ClientMail.Attachment pdf) {
    }

    private Summary summary(Client client, Instant dueAt, List<CallMessage> taken) {
        LocalDate day = dueAt.atZone(ZoneId.of(client.timeZone())).toLocalDate();
        List<String> calls = taken.stream().map(message -> texts.call(client, message)).toList();
        MailTexts.Wording wording = texts.dailySummary(client, day, calls);
        return new Summary(wording, new ClientMail.Attachment("messages-" + day + ".pdf", "application/pdf",
                SummaryPdf.print(wording.subject(), client.language(), calls)));
    }

    /** The summary's id, also its mail's idempotency key; with no {@code dueAt}, what every id of the client starts with. */
    private static String summaryId(String clientId, Instant dueAt) {
        return "daily-summary:" + clientId + ":" + (dueAt == null ? "" : dueAt.toString());
    }

    private Client client(String clientId) {
        return clients.findById(clientId).orElseThrow(() -> new IllegalStateException(
                "No client '" + clientId + "' for its daily summary"));
    }
}

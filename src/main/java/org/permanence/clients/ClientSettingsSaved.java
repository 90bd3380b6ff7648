package org.permanence.clients;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Published inside the transaction that saved a client's settings, for the features that must follow
 * them (the daily summary's schedule). An event rather than a call, so that clients need not know
 * those features, which themselves read clients. {@code previous} is null for a new client.
 */
public record ClientSettingsSaved(Client previous, Client client) {

    /**
     * Whether the daily summary's schedule may have moved: most saves change a briefing or a line,
     * and must not make a waiting summary work out its time again.
     */
    public boolean summaryScheduleChanged() {
        return previous == null || !Objects.equals(SummarySchedule.of(previous), SummarySchedule.of(client));
    }

    private record SummarySchedule(Client.MessageDelivery messages, LocalTime at, String timeZone) {

        static SummarySchedule of(Client client) {
            return new SummarySchedule(client.contactRules().messages(), client.contactRules().dailySummaryAt(), client.timeZone());
        }
    }
}

package org.permanence.dashboard;

import java.util.List;

/**
 * The office at a glance, as {@code GET /api/dashboard} answers it. Times are the office's wall-clock
 * time ({@code timeZone}); {@code queryMillis} is how long the figures took to gather.
 */
public record Dashboard(String timeZone, String today, String weekStart, HourlyCalls callsToday, HourlyCalls callsThisWeek,
                        OpenTasks openTasks, List<SlaBreaches> slaBreachesThisWeek, List<SecretaryEffort> effortToday,
                        List<AppointmentDay> appointmentsThisWeek, DocumentsFiled documentsFiledThisWeek,
                        List<AwaitingApproval> mailsAwaitingApproval, long queryMillis) {

    /** Calls per hour: the hours (local, ISO) and, for each client with calls, its count in each hour. */
    public record HourlyCalls(List<String> hours, List<ClientSeries> clients) {
    }

    public record ClientSeries(String clientId, String clientName, List<Integer> counts) {
    }

    /** Open tasks by due state, now: past due, due later today, due after today, without a due date. */
    public record OpenTasks(long late, long dueToday, long later, long noDueDate) {
    }

    /** A client's SLA breaches: tasks finished after their due time this week, and open ones already late. */
    public record SlaBreaches(String clientId, String clientName, long finishedLate, long openLate) {
    }

    /** A secretary's effort (task weights, as the assignment policy counts them): open now, and done today. */
    public record SecretaryEffort(String userId, String name, int open, int doneToday) {
    }

    /** A day's appointments by what became of them. */
    public record AppointmentDay(String day, long booked, long attended, long noShows, long cancelled) {
    }

    /** Documents filed: on the classifier's word alone (at or above the client's threshold), or by a secretary's choice. */
    public record DocumentsFiled(long automatically, long bySecretary) {
    }

    /**
     * A client's mails waiting for its approval now: the client has the draft and its links, or it did not
     * answer in time and a secretary must obtain it (*Obtenir l'accord du client*).
     */
    public record AwaitingApproval(String clientId, String clientName, long awaitingClient, long withSecretary) {
    }
}

package org.permanence.dashboard.engine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.permanence.assignment.AssignmentProperties;
import org.permanence.dashboard.Dashboard.AppointmentDay;
import org.permanence.dashboard.Dashboard.AwaitingApproval;
import org.permanence.dashboard.Dashboard.ClientSeries;
import org.permanence.dashboard.Dashboard.DocumentsFiled;
import org.permanence.dashboard.Dashboard.HourlyCalls;
import org.permanence.dashboard.Dashboard.OpenTasks;
import org.permanence.dashboard.Dashboard.SecretaryEffort;
import org.permanence.dashboard.Dashboard.SlaBreaches;
import org.permanence.dashboard.Dashboard;
import org.permanence.dashboard.DashboardProperties;
import org.permanence.documents.StoredDocument;
import org.permanence.people.engine.Team;
import org.permanence.system.EngineNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Gathers the dashboard's figures: calls, appointments and filed documents from the application's
 * tables, tasks from the engine (open ones through its API, finished ones from its history table, read
 * in bulk), mails awaiting approval from the engine's running executions. Only this week's rows are
 * read (indexes by time, migrations V16 and V17), so a year of history costs nothing more.
 */
@Service
@EngineNode
public class OfficeFigures {

    /** The mail drafting process and its two steps where a draft waits for the client's approval. */
    public static final String MAIL_DRAFTING = "mail-drafting";
    public static final String AWAIT_CLIENT_APPROVAL = "AwaitClientApproval";
    public static final String OBTAIN_CLIENT_APPROVAL = "ObtainClientApproval";

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final Team team;
    private final AssignmentProperties weights;
    private final ZoneId zone;
    private final Clock clock;

    @Autowired
    OfficeFigures(JdbcClient jdbc, TaskService tasks, Team team, AssignmentProperties weights, DashboardProperties properties) {
        this(jdbc, tasks, team, weights, properties.timeZone(), Clock.systemUTC());
    }

    OfficeFigures(JdbcClient jdbc, TaskService tasks, Team team, AssignmentProperties weights, ZoneId zone, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.team = team;
        this.weights = weights;
        this.zone = zone;
        this.clock = clock;
    }

    public Dashboard now() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        ZonedDateTime dayStart = today.atStartOfDay(zone);
        ZonedDateTime weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone);
        Map<String, String> clientNames = clientNames();
        HourlyCalls callsToday = hourlyCalls(dayStart, dayStart.plusDays(1), clientNames);
        HourlyCalls callsThisWeek = hourlyCalls(weekStart, weekStart.plusWeeks(1), clientNames);
        OpenTasks open = openTasks(now, dayStart.plusDays(1).toInstant());
        List<SlaBreaches> breaches = slaBreaches(weekStart.toInstant(), now, clientNames);
        List<SecretaryEffort> effort = effort(dayStart.toInstant());
        List<AppointmentDay> appointments = appointments(weekStart);
        DocumentsFiled filed = documentsFiled(weekStart.toInstant());
        List<AwaitingApproval> awaiting = awaitingApproval(clientNames);
        return new Dashboard(zone.getId(), today.toString(), weekStart.toLocalDate().toString(), callsToday, callsThisWeek, open,
                breaches, effort, appointments, filed, awaiting, (System.nanoTime() - started) / 1_000_000);
    }

    private Map<String, String> clientNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from client order by name").query((rs, row) -> names.put(rs.getString("id"), rs.getString("name"))).list();
        return names;
    }

    private HourlyCalls hourlyCalls(ZonedDateTime from, ZonedDateTime to, Map<String, String> clientNames) {
        List<ZonedDateTime> hours = new ArrayList<>();
        for (ZonedDateTime hour = from; hour.isBefore(to); hour = hour.plusHours(1)) {
            hours.add(hour);
        }
        Map<String, int[]> counts = new TreeMap<>();
        jdbc.sql("select client_id, received_at from call where received_at >= ? and received_at < ? and client_id is not null")
                .params(Timestamp.from(from.toInstant()), Timestamp.from(to.toInstant()))
                .query((rs, row) -> {
                    long hour = ChronoUnit.HOURS.between(from.toInstant(), rs.getTimestamp("received_at").toInstant());
                    counts.computeIfAbsent(rs.getString("client_id"), client -> new int[hours.size()])[(int) hour]++;
                    return null;
                }).list();
        List<ClientSeries> series = counts.entrySet().stream()
                .map(client -> new ClientSeries(client.getKey(), clientNames.getOrDefault(client.getKey(), client.getKey()),
                        IntStream.of(client.getValue()).boxed().toList()))
                .toList();
        return new HourlyCalls(hours.stream().map(hour -> hour.toLocalDateTime().toString()).toList(), series);
    }

    private OpenTasks openTasks(Instant now, Instant endOfToday) {
        Date current = Date.from(now);
        Date tonight = Date.from(endOfToday);
        return new OpenTasks(tasks.createTaskQuery().dueBefore(current).count(),
                tasks.createTaskQuery().dueAfter(current).dueBefore(tonight).count(),
                tasks.createTaskQuery().dueAfter(tonight).count(),
                tasks.createTaskQuery().withoutDueDate().count());
    }

    private List<SlaBreaches> slaBreaches(Instant weekStart, Instant now, Map<String, String> clientNames) {
        Map<String, long[]> byClient = new TreeMap<>();
        jdbc.sql("""
                        select TENANT_ID_ as client_id, count(*) as late from ACT_HI_TASKINST
                        where END_TIME_ >= ? and DUE_DATE_ is not null and END_TIME_ > DUE_DATE_ and TENANT_ID_ is not null
                        group by TENANT_ID_""")
                .param(Timestamp.from(weekStart))
                .query((rs, row) -> byClient.computeIfAbsent(rs.getString("client_id"), client -> new long[2])[0] = rs.getLong("late"))
                .list();
        jdbc.sql("select TENANT_ID_ as client_id, count(*) as late from ACT_RU_TASK where DUE_DATE_ < ? and TENANT_ID_ is not null group by TENANT_ID_")
                .param(Timestamp.from(now))
                .query((rs, row) -> byClient.computeIfAbsent(rs.getString("client_id"), client -> new long[2])[1] = rs.getLong("late"))
                .list();
        return mostFirst(byClient, clientNames, SlaBreaches::new);
    }

    /** How a client's two counts become a row of the dashboard. */
    private interface ClientCounts<T> {
        T of(String clientId, String clientName, long first, long second);
    }

    /** Each client's two counts as rows, the client with the most first (by identifier where they tie). */
    private static <T> List<T> mostFirst(Map<String, long[]> byClient, Map<String, String> clientNames, ClientCounts<T> row) {
        return byClient.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> client) -> client.getValue()[0] + client.getValue()[1]).reversed())
                .map(client -> row.of(client.getKey(), clientNames.getOrDefault(client.getKey(), client.getKey()),
                        client.getValue()[0], client.getValue()[1]))
                .toList();
    }

    private List<SecretaryEffort> effort(Instant dayStart) {
        Map<String, Integer> open = new HashMap<>();
        for (Task task : tasks.createTaskQuery().taskAssigned().list()) {
            open.merge(task.getAssignee(), weights.weightOf(task.getTaskDefinitionKey()), Integer::sum);
        }
        Map<String, Integer> done = new HashMap<>();
        jdbc.sql("""
                        select ASSIGNEE_ as assignee, TASK_DEF_KEY_ as task_type, count(*) as done from ACT_HI_TASKINST
                        where END_TIME_ >= ? and ASSIGNEE_ is not null and DELETE_REASON_ = 'completed'
                        group by ASSIGNEE_, TASK_DEF_KEY_""")
                .param(Timestamp.from(dayStart))
                .query((rs, row) -> done.merge(rs.getString("assignee"),
                        weights.weightOf(rs.getString("task_type")) * rs.getInt("done"), Integer::sum))
                .list();
        return team.everyone().stream()
                .map(secretary -> new SecretaryEffort(secretary.id(), secretary.name(), open.getOrDefault(secretary.id(), 0),
                        done.getOrDefault(secretary.id(), 0)))
                .toList();
    }

    private DocumentsFiled documentsFiled(Instant weekStart) {
        return jdbc.sql("""
                        select count(case when classified_by = ? then 1 end) as automatically, count(*) as filed
                        from document where filed_at >= ?""")
                .params(StoredDocument.BY_MODEL, Timestamp.from(weekStart))
                .query((rs, row) -> new DocumentsFiled(rs.getLong("automatically"), rs.getLong("filed") - rs.getLong("automatically")))
                .single();
    }

    /** Counted where the instances wait in mail-drafting.bpmn, whichever version they run. */
    private List<AwaitingApproval> awaitingApproval(Map<String, String> clientNames) {
        Map<String, long[]> byClient = new TreeMap<>();
        jdbc.sql("""
                        select TENANT_ID_ as client_id, ACT_ID_ as step, count(distinct PROC_INST_ID_) as mails from ACT_RU_EXECUTION
                        where ACT_ID_ in (?, ?) and PROC_DEF_ID_ like ? and TENANT_ID_ is not null
                        group by TENANT_ID_, ACT_ID_""")
                .params(AWAIT_CLIENT_APPROVAL, OBTAIN_CLIENT_APPROVAL, MAIL_DRAFTING + ":%")
                .query((rs, row) -> byClient.computeIfAbsent(rs.getString("client_id"), client -> new long[2])
                        [AWAIT_CLIENT_APPROVAL.equals(rs.getString("step")) ? 0 : 1] = rs.getLong("mails"))
                .list();
        return mostFirst(byClient, clientNames, AwaitingApproval::new);
    }

    private List<AppointmentDay> appointments(ZonedDateTime weekStart) {
        Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
        for (int day = 0; day < 7; day++) {
            byDay.put(weekStart.toLocalDate().plusDays(day), new HashMap<>());
        }
        jdbc.sql("select starts_at, status from appointment where starts_at >= ? and starts_at < ?")
                .params(weekStart.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                        weekStart.plusWeeks(1).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC))
                .query((rs, row) -> {
                    LocalDate day = rs.getObject("starts_at", OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
                    byDay.get(day).merge(rs.getString("status"), 1L, Long::sum);
                    return null;
                }).list();
        return byDay.entrySet().stream()
                .map(day -> new AppointmentDay(day.getKey().toString(), day.getValue().getOrDefault("BOOKED", 0L),
                        day.getValue().getOrDefault("ATTENDED", 0L), day.getValue().getOrDefault("NO_SHOW", 0L),
                        day.getValue().getOrDefault("CANCELLED", 0L)))
                .toList();
    }
}

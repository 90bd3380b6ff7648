package org.permanence.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.permanence.assignment.Status;
import org.permanence.assignment.engine.SimulatedOffice.Noted;
import org.permanence.assignment.engine.SimulatedOffice;

/**
 * One policy living through the {@link OfficeDay} on a {@link SimulatedOffice}: the real engine and
 * processes create every task with its due date and priority; the policy decides who gets it; each
 * secretary works one task at a time, hers or the team queue's, urgent first, then by due date and priority,
 * and in focus only urgent work and paperwork. What it measures is in {@link Figures}.
 */
final class DayRun {

    enum Policy {
        /** Tasklist as it comes: one queue, whoever is free first claims the next task; the queue rings for everyone, focus or not. */
        SHARED_QUEUE,
        /** A help desk's rotation: each new task to the next secretary of its client who is not away or on a break. */
        ROUND_ROBIN,
        /** Ours: the office's assignment policy, statuses, protected breaks after a difficult call. */
        OURS
    }

    /**
     * A shared queue rings until someone answers: after this long, a secretary in focus takes it too
     * ({@code -Dbench.rings-through-focus} minutes; 600: never in the day, to weigh what those interruptions buy).
     */
    private static final Duration RINGS_THROUGH_FOCUS = Duration.ofMinutes(Long.getLong("bench.rings-through-focus", 2));
    private static final int URGENT = 90;
    /**
     * The paperwork a focus block is for (back-office-work.bpmn): in focus she takes it herself, from her list or the team
     * queue, by her own choice; only other non-urgent work reaching her breaks her focus.
     */
    private static final Set<String> FOCUS_WORK = Set.of("ReviewDraft", "ClassifyDocument");
    /** How long she rests after a difficult call, when the office offers it (ours); 0: she never takes it. */
    private static final int PROTECTED_BREAK_MINUTES = Integer.getInteger("bench.protected-break", 5);

    private final Policy policy;
    private final OfficeDay day;
    private final SimulatedOffice office;
    private final TaskService engineTasks;
    private final Random claimOrder;
    private final PriorityQueue<Event> events = new PriorityQueue<>(Comparator.comparing(Event::at).thenComparing(Event::order));
    private final Map<String, Work> work = new LinkedHashMap<>();
    private final Map<String, OfficeDay.Call> callOfInstance = new HashMap<>();
    private final Map<String, Duration> paperworkOfInstance = new HashMap<>();
    private final Map<String, Secretary> secretaries = new LinkedHashMap<>();
    private final Figures figures;
    private long eventOrder;
    private int rotation;

    private record Event(Instant at, long order, Runnable action) {
    }

    /** A task as the simulation follows it. */
    private static final class Work {
        Task task;
        Instant created;
        Instant started;
        Instant done;
        String assignee;
        /** Who of her client's secretaries could have started it at once when it appeared. */
        Figures.Free freeWhenCreated;
    }

    private static final class Secretary {
        final String id;
        final List<String> clients;
        Status status = Status.AVAILABLE;
        Instant until;
        Work doing;
        int difficultInARow;
        Duration effort = Duration.ZERO;

        Secretary(String id, List<String> clients) {
            this.id = id;
            this.clients = clients;
        }
    }

    DayRun(Policy policy, OfficeDay day, long seed, Map<String, Object> settingsChanged) {
        this.policy = policy;
        this.day = day;
        this.office = new SimulatedOffice(policy == Policy.OURS ? SimulatedOffice.Placing.OFFICE_POLICY : SimulatedOffice.Placing.NOBODY,
                day.opens(), day.clientsBySecretary(), settingsChanged);
        this.engineTasks = office.engine().getTaskService();
        this.claimOrder = new Random(seed);
        this.figures = new Figures(settingsChanged.isEmpty() ? policy.name()
                : policy.name() + " " + settingsChanged.entrySet().stream().map(setting -> setting.getKey().replace("permanence.assignment.", "") + "="
                        + setting.getValue()).reduce((a, b) -> a + "," + b).orElse(""), seed);
        figures.focusPlanned(day.periods().stream().filter(period -> period.status() == Status.FOCUS).mapToInt(OfficeDay.StatusPeriod::minutes).sum());
        day.clientsBySecretary().forEach((id, clients) -> secretaries.put(id, new Secretary(id, clients)));
    }

    Figures run() {
        try {
            day.calls().forEach(call -> schedule(call.at(), () -> callComesIn(call)));
            day.paperwork().forEach(paper -> schedule(paper.at(), () -> paperworkArrives(paper)));
            day.periods().forEach(period -> schedule(period.from(), () -> setStatus(secretaries.get(period.secretary()), period.status(), period.minutes())));
            while (!events.isEmpty()) {
                Event next = events.poll();
                office.at(next.at());
                next.action().run();
                followTheEngine();
                dispatch();
            }
            work.values().forEach(task -> figures.task(task.task.getTaskDefinitionKey(), task.task.getPriority(), task.created,
                    task.started, task.done, task.task.getDueDate().toInstant(), task.freeWhenCreated));
            secretaries.values().forEach(secretary -> figures.effort(secretary.id, secretary.effort));
            return figures;
        } finally {
            office.close();
        }
    }

    private void schedule(Instant at, Runnable action) {
        events.add(new Event(at, eventOrder++, action));
    }

    private void callComesIn(OfficeDay.Call call) {
        String instance = office.ring(call.client(), "+336" + String.format("%08d", eventOrder));
        callOfInstance.put(instance, call);
        newTasksOf(instance);
    }

    private void paperworkArrives(OfficeDay.Paperwork paper) {
        String instance = office.backOfficeWork(paper.client(), paper.process());
        paperworkOfInstance.put(instance, paper.handling());
        newTasksOf(instance);
    }

    /** The tasks the engine just made for this instance: the office has placed them (ours), or the baseline places them now. */
    private void newTasksOf(String instance) {
        for (Task task : engineTasks.createTaskQuery().processInstanceId(instance).list()) {
            if (work.containsKey(task.getId())) {
                continue;
            }
            Work created = new Work();
            created.task = task;
            created.created = office.now();
            created.freeWhenCreated = freeAmong(task.getTenantId());
            work.put(task.getId(), created);
            if (policy == Policy.OURS && task.getAssignee() != null) {
                reaches(created, secretaries.get(task.getAssignee()));
            } else if (policy == Policy.ROUND_ROBIN) {
                nextInRotation(task.getTenantId()).ifPresent(secretary -> {
                    engineTasks.setAssignee(task.getId(), secretary.id);
                    reaches(created, secretary);
                });
            }
        }
    }

    private Optional<Secretary> nextInRotation(String client) {
        List<Secretary> serving = secretaries.values().stream().filter(s -> s.clients.contains(client)).toList();
        for (int i = 0; i < serving.size(); i++) {
            Secretary candidate = serving.get((rotation + i) % serving.size());
            if (statusOf(candidate) != Status.AWAY && statusOf(candidate) != Status.BREAK) {
                rotation = (rotation + i + 1) % serving.size();
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The task is now hers: an interruption if she is in focus and it is not urgent; a difficult streak if a colleague could have taken it. */
    private void reaches(Work task, Secretary secretary) {
        task.assignee = secretary.id;
        if (statusOf(secretary) == Status.FOCUS && !mayTakeInFocus(task)) {
            figures.interruption();
        }
    }

    /** A colleague of hers who serves the client, available and not busy: she could take the call instead. */
    private boolean colleagueFree(Secretary secretary, String client) {
        return secretaries.values().stream().anyMatch(other -> other != secretary && other.clients.contains(client)
                && statusOf(other) == Status.AVAILABLE && other.doing == null);
    }

    /** Whether a secretary of the client was idle when a task appeared: available, or only in focus. */
    private Figures.Free freeAmong(String client) {
        List<Status> idle = secretaries.values().stream().filter(s -> s.clients.contains(client) && s.doing == null).map(this::statusOf).toList();
        return idle.contains(Status.AVAILABLE) ? Figures.Free.AVAILABLE : idle.contains(Status.FOCUS) ? Figures.Free.ONLY_IN_FOCUS : Figures.Free.NOBODY;
    }

    /** Every secretary who is free takes her next task, in an order that changes from one moment to the next. */
    private void dispatch() {
        List<Secretary> free = new ArrayList<>(secretaries.values().stream().filter(s -> s.doing == null).toList());
        Collections.shuffle(free, claimOrder);
        for (Secretary secretary : free) {
            nextFor(secretary).ifPresent(task -> start(task, secretary));
        }
    }

    private Optional<Work> nextFor(Secretary secretary) {
        Status status = statusOf(secretary);
        if (status == Status.AWAY || status == Status.BREAK) {
            return Optional.empty();
        }
        // her filters in their order: "Urgent" first, then "À faire aujourd'hui", each by due date then priority
        Comparator<Work> inHerFiltersOrder = Comparator.comparing((Work task) -> task.task.getPriority() < URGENT)
                .thenComparing(task -> task.task.getDueDate())
                .thenComparing(task -> -task.task.getPriority()).thenComparing(task -> task.created);
        boolean inFocus = status == Status.FOCUS;
        Optional<Work> own = work.values().stream()
                .filter(task -> task.started == null && secretary.id.equals(task.assignee))
                .filter(task -> !inFocus || mayTakeInFocus(task)).min(inHerFiltersOrder);
        // the team queue: tasks nobody was given, of her clients; with ours, after two difficult calls she
        // leaves the next call to a free colleague, as the office would
        Optional<Work> queued = work.values().stream()
                .filter(task -> task.started == null && task.assignee == null && secretary.clients.contains(task.task.getTenantId()))
                .filter(task -> policy != Policy.OURS || secretary.difficultInARow < 2 || !"HandleCall".equals(task.task.getTaskDefinitionKey())
                        || !colleagueFree(secretary, task.task.getTenantId()))
                .filter(task -> !inFocus || mayTakeInFocus(task)
                        || policy == Policy.SHARED_QUEUE && !office.now().isBefore(task.created.plus(RINGS_THROUGH_FOCUS)))
                .min(inHerFiltersOrder);
        // what her filters show first, of her own work and the queue's
        if (own.isPresent() && (queued.isEmpty() || inHerFiltersOrder.compare(own.get(), queued.get()) <= 0)) {
            return own;
        }
        queued.ifPresent(task -> reaches(task, secretary));
        return queued;
    }

    private static boolean mayTakeInFocus(Work task) {
        return task.task.getPriority() >= URGENT || FOCUS_WORK.contains(task.task.getTaskDefinitionKey());
    }

    private void start(Work task, Secretary secretary) {
        task.started = office.now();
        OfficeDay.Call call = callOfInstance.get(task.task.getProcessInstanceId());
        if (call != null && "HandleCall".equals(task.task.getTaskDefinitionKey())) {
            secretary.difficultInARow = call.difficult() ? secretary.difficultInARow + 1 : 0;
            figures.difficultInARow(secretary.difficultInARow, colleagueFree(secretary, call.client()));
        }
        secretary.doing = task;
        // hers in the engine too, so that the policy counts it in her effort while she works on it
        engineTasks.setAssignee(task.task.getId(), secretary.id);
        Duration handling = handlingOf(task);
        secretary.effort = secretary.effort.plus(handling);
        schedule(office.now().plus(handling), () -> finish(task, secretary));
    }

    private Duration handlingOf(Work task) {
        String type = task.task.getTaskDefinitionKey();
        if ("HandleCall".equals(type)) {
            return callOfInstance.get(task.task.getProcessInstanceId()).handling();
        }
        return OfficeDay.FOLLOW_UP.getOrDefault(type, paperworkOfInstance.getOrDefault(task.task.getProcessInstanceId(), Duration.ofMinutes(3)));
    }

    private void finish(Work task, Secretary secretary) {
        task.done = office.now();
        secretary.doing = null;
        OfficeDay.Call call = "HandleCall".equals(task.task.getTaskDefinitionKey()) ? callOfInstance.get(task.task.getProcessInstanceId()) : null;
        office.complete(task.task, secretary.id, call == null ? null : new Noted(call.category(), call.mood()));
        newTasksOf(task.task.getProcessInstanceId());
        if (policy == Policy.OURS && PROTECTED_BREAK_MINUTES > 0 && call != null && call.difficult() && statusOf(secretary) == Status.AVAILABLE) {
            // she takes the protected break offered after a difficult call
            setStatus(secretary, Status.BREAK, PROTECTED_BREAK_MINUTES);
        }
    }

    private void setStatus(Secretary secretary, Status status, Integer minutes) {
        secretary.status = status;
        secretary.until = minutes == null ? null : office.now().plus(Duration.ofMinutes(minutes));
        if (secretary.until != null) {
            // nothing else happens when a focus or a break ends by itself: wake her then
            schedule(secretary.until, () -> { });
        }
        if (policy == Policy.OURS) {
            office.statuses().set(secretary.id, status, minutes);
        }
    }

    /**
     * Each secretary's list is what the engine says: the office may have given waiting work back to the team queue (she left)
     * or handed it to someone (she became free, a colleague went on a break). Followed only on the day's events otherwise, the
     * simulation kept a task with a secretary on a break while the engine had given it to a colleague, who never saw it.
     */
    private void followTheEngine() {
        if (work.values().stream().noneMatch(task -> task.started == null)) {
            return;
        }
        Map<String, String> assignees = new HashMap<>();
        engineTasks.createTaskQuery().list().forEach(task -> assignees.put(task.getId(), task.getAssignee()));
        work.values().stream().filter(task -> task.started == null).forEach(task -> {
            String assignee = assignees.get(task.task.getId());
            if (!Objects.equals(assignee, task.assignee)) {
                task.assignee = null;
                if (assignee != null) {
                    reaches(task, secretaries.get(assignee));
                }
            }
        });
    }

    private Status statusOf(Secretary secretary) {
        return secretary.until != null && !office.now().isBefore(secretary.until) ? Status.AVAILABLE : secretary.status;
    }
}

package org.permanence.assignment;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsFirst;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Who gets a new task, among the secretaries who serve its client. Workload is shared by effort, not
 * in turns; a secretary on a break or away gets nothing, one in focus only urgent work and the paperwork her focus
 * is for, which goes to her before anyone available, who stays free for the phone; and after two
 * difficult calls in a row she gets no third call while a colleague with nothing open can answer it. With a limit on effort,
 * ordinary work goes only to someone not yet busy; urgent work only to someone with nothing open, who starts it now. Nobody
 * fits: nobody is chosen, and the task waits in the team queue for whoever claims it. A call's follow-up goes to whoever took
 * the call when she is available and fits, urgent or not: she has just finished the call.
 */
@Component
public class AssignmentPolicy {

    /** The BPMN task in which a secretary answers a call (call-intake.bpmn). */
    public static final String HANDLE_CALL = "HandleCall";
    /** The call category a secretary picks for an urgent call (forms/handle-call.form). */
    static final String URGENT_CATEGORY = "urgent";
    /** Moods of the caller (forms/handle-call.form) that make a call hard on the secretary. */
    static final Set<String> DIFFICULT_MOODS = Set.of("angry", "distressed");
    private static final int DIFFICULT_CALLS_IN_A_ROW = 2;

    private final AssignmentProperties properties;

    public AssignmentPolicy(AssignmentProperties properties) {
        this.properties = properties;
    }

    public Optional<String> choose(TaskToAssign task, List<Candidate> candidates, Instant now) {
        boolean urgent = isUrgent(task);
        boolean focusWork = properties.isFocusWork(task.type());
        List<Candidate> fit = candidates.stream().filter(candidate -> mayTake(candidate.status().at(now).status(), urgent || focusWork)).toList();
        if (HANDLE_CALL.equals(task.type()) && fit.stream().anyMatch(candidate -> !justHadDifficultCalls(candidate) && isFree(candidate))) {
            // the new call's mood is unknown until it is handled: spare whoever just had two hard ones when a colleague
            // can answer it now; a colleague busy with other work cannot, and the caller would wait while she sits idle
            fit = fit.stream().filter(candidate -> !justHadDifficultCalls(candidate)).toList();
        }
        if (!urgent && properties.maxEffort() > 0) {
            // pushed to someone already busy, it would wait behind her work while a colleague may soon be free
            fit = fit.stream().filter(candidate -> effort(candidate) < properties.maxEffort()).toList();
        }
        if (task.takenBy() != null && fit.stream().anyMatch(candidate -> candidate.userId().equals(task.takenBy())
                && candidate.status().at(now).status() == Status.AVAILABLE)) {
            // a call's follow-up to the secretary who took the call and knows it, when she is there for it
            return Optional.of(task.takenBy());
        }
        if (urgent) {
            // it must start now: given to someone with anything open (a call, a draft she is writing), it waited behind it
            // while a colleague could be free sooner; nobody free, it waits in the team queue, where whoever is free first
            // takes it before anything else, and it is handed to her the moment she is
            fit = fit.stream().filter(AssignmentPolicy::isFree).toList();
        }
        // paperwork to whoever focuses on it; then, equal effort: whoever was given work longest ago (never: first),
        // then by id, so the choice always repeats
        Comparator<Candidate> order = comparing((Candidate candidate) -> focusWork && candidate.status().at(now).status() != Status.FOCUS)
                .thenComparing(this::effort)
                .thenComparing(Candidate::lastAssignedAt, nullsFirst(naturalOrder()))
                .thenComparing(Candidate::userId);
        return fit.stream().min(order).map(Candidate::userId);
    }

    public boolean isUrgent(TaskToAssign task) {
        return task.priority() >= properties.urgentPriority() || URGENT_CATEGORY.equals(task.callCategory());
    }

    /** The sum of the weights of the open tasks assigned to her. */
    int effort(Candidate candidate) {
        return candidate.assignedTaskTypes().stream().mapToInt(properties::weightOf).sum();
    }

    /** Nothing open is assigned to her: she can start the task at once. */
    private static boolean isFree(Candidate candidate) {
        return candidate.assignedTaskTypes().isEmpty();
    }

    private static boolean mayTake(Status status, boolean urgentOrFocusWork) {
        return switch (status) {
            case AVAILABLE -> true;
            case FOCUS -> urgentOrFocusWork;
            case BREAK, AWAY -> false;
        };
    }

    private static boolean justHadDifficultCalls(Candidate candidate) {
        List<String> moods = candidate.lastMoods();
        return moods.size() >= DIFFICULT_CALLS_IN_A_ROW
                && moods.subList(0, DIFFICULT_CALLS_IN_A_ROW).stream().allMatch(DIFFICULT_MOODS::contains);
    }
}

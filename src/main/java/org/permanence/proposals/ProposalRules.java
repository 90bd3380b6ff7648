package org.permanence.proposals;

import java.util.ArrayList;
import java.util.List;

import org.permanence.clients.Client;
import org.permanence.system.FieldProblem;

/**
 * What a proposal must be to reach a manager, and to be applied. Every problem is found at once, so that the page
 * says all of them. The limits are the client's own (a greeting left empty, a deadline out of range), checked here
 * before a manager spends a click on a proposal that could never be applied; applying checks the settings again.
 */
final class ProposalRules {

    static final int REASON_MAX = 1000;
    static final int ANSWER_MAX = 1000;

    private ProposalRules() {
    }

    /** The value as it will be stored and compared: trimmed, minutes written without leading zeros or spaces. */
    static String normalised(Subject subject, String proposed) {
        String value = proposed == null ? "" : proposed.strip();
        if (subject.inMinutes() && value.matches("\\d{1,6}")) {
            return String.valueOf(Integer.parseInt(value));
        }
        return value;
    }

    /** What stops this (normalised) value from being proposed instead of {@code current}, for that reason. */
    static List<FieldProblem> check(Subject subject, String current, String proposed, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        if (subject.inMinutes()) {
            checkMinutes(subject, proposed, problems);
        } else if (proposed.length() < subject.least()) {
            problems.add(FieldProblem.of("proposed", "proposal.value.tooShort",
                    "write the new text in full, at least " + subject.least() + " characters", subject.least()));
        } else if (proposed.length() > subject.most()) {
            problems.add(FieldProblem.of("proposed", "proposal.value.tooLong",
                    "is " + proposed.length() + " characters long; at most " + subject.most(), proposed.length(), subject.most()));
        }
        if (proposed.equals(current)) {
            problems.add(FieldProblem.of("proposed", "proposal.value.unchanged", "is what the client's settings already say"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add(FieldProblem.of("reason", "proposal.reason.missing", "say why: what on the phone makes this change worth it"));
        } else if (why.length() > REASON_MAX) {
            problems.add(FieldProblem.of("reason", "proposal.reason.tooLong",
                    "is " + why.length() + " characters long; at most " + REASON_MAX, why.length(), REASON_MAX));
        }
        return problems;
    }

    /**
     * What stops a manager from applying ({@code apply}) or declining the proposal now, the client's settings being
     * {@code current}. Applying a proposal whose setting changed since it was made would silently undo that change:
     * it is refused, and the page shows what the setting says now.
     */
    static List<FieldProblem> checkDecision(Proposal proposal, Client current, boolean apply, String answer) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!proposal.pending()) {
            problems.add(FieldProblem.of("state", "proposal.alreadyDecided", "was already decided by " + proposal.decidedBy(),
                    proposal.decidedBy()));
        } else if (apply && !proposal.subject().valueIn(current).equals(proposal.before())) {
            problems.add(FieldProblem.of("before", "proposal.stale",
                    "the setting changed since it was proposed and now reads \"" + proposal.subject().valueIn(current)
                            + "\": decline this proposal, and propose again if still needed", proposal.subject().valueIn(current)));
        }
        if (answer != null && answer.strip().length() > ANSWER_MAX) {
            problems.add(FieldProblem.of("answer", "proposal.answer.tooLong",
                    "is " + answer.strip().length() + " characters long; at most " + ANSWER_MAX, answer.strip().length(), ANSWER_MAX));
        }
        return problems;
    }

    private static void checkMinutes(Subject subject, String proposed, List<FieldProblem> problems) {
        if (!proposed.matches("\\d{1,6}")) {
            problems.add(FieldProblem.of("proposed", "proposal.minutes.notANumber", "'" + proposed + "' is not a number of minutes", proposed));
            return;
        }
        int minutes = Integer.parseInt(proposed);
        if (minutes < subject.least() || minutes > subject.most()) {
            problems.add(FieldProblem.of("proposed", "proposal.minutes.outOfRange",
                    minutes + " minutes is out of range: from " + subject.least() + " to " + subject.most(), minutes, subject.least(), subject.most()));
        }
    }
}

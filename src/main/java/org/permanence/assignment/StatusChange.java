package org.permanence.assignment;

import java.util.ArrayList;
import java.util.List;

import org.permanence.system.FieldProblem;

/** What a secretary asks for: {@code {"status": "BREAK", "minutes": 15}}; minutes for focus and break only. */
record StatusChange(Status status, Integer minutes) {

    static final int MAX_MINUTES = 240;

    /** Everything wrong with the request, said so that she can fix it; empty when it is fine. */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (status == null) {
            problems.add(FieldProblem.of("status", "status.required", "required: one of AVAILABLE, FOCUS, BREAK, AWAY"));
        } else if (status.hasEnd() && (minutes == null || minutes < 1 || minutes > MAX_MINUTES)) {
            problems.add(FieldProblem.of("minutes", "status.minutes.needed", status + " needs its length in minutes, from 1 to " + MAX_MINUTES, MAX_MINUTES));
        } else if (!status.hasEnd() && minutes != null) {
            problems.add(FieldProblem.of("minutes", "status.minutes.unwanted", status + " lasts until you change it: leave minutes out"));
        }
        return problems;
    }
}

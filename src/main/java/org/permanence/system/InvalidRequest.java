package org.permanence.system;

import java.util.List;

/** A request that breaks a business rule; answered 400 with every field problem found. */
public class InvalidRequest extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequest(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

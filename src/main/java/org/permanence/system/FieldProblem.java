package org.permanence.system;

/** One thing wrong with a request: the field, in the JSON path a client sent, and why. */
public record FieldProblem(String field, String message) {
}

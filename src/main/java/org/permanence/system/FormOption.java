package org.permanence.system;

/**
 * One entry of a list a Camunda Form offers (a select with {@code valuesKey}): what she reads, and the
 * code the process receives. Workers hand such lists to the engine as JSON variables, the only kind
 * Tasklist gives a form as a list.
 */
public record FormOption(String label, String value) {
}

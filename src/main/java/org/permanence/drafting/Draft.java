package org.permanence.drafting;

/**
 * A template filled with a case's facts: what the secretary reviews, edits and sends. A {@code letter}
 * is also printed on the client's letterhead.
 */
public record Draft(String subject, String text, boolean letter) {
}

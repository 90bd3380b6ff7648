package org.permanence.drafting;

/** A drafted mail waiting for its client's approval: the case ({@code caseId}, the process instance), what would go. */
public record WaitingDraft(String caseId, String subject, String text) {
}

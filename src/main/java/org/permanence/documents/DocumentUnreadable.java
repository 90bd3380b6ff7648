package org.permanence.documents;

/** A document that no retry will read (encrypted, corrupt, empty, too large…): a person must look at it. */
public class DocumentUnreadable extends RuntimeException {

    private final Reading.Outcome outcome;

    public DocumentUnreadable(Reading.Outcome outcome, String reason) {
        super(reason);
        this.outcome = outcome;
    }

    public Reading.Outcome outcome() {
        return outcome;
    }
}

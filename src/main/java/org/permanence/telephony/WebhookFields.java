package org.permanence.telephony;

import java.util.List;

import org.permanence.system.FieldProblem;

/** The fields a provider must send for Permanence to file a call, named as the provider names them. */
final class WebhookFields {

    /** What the call table keeps of an id or a number (see db/migration). */
    private static final int MAX_LENGTH = 64;

    private WebhookFields() {
    }

    /** The value, or a problem noted for the field when it is missing or too long. */
    static String required(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is missing"));
        } else if (value.length() > MAX_LENGTH) {
            problems.add(new FieldProblem(field, "is longer than " + MAX_LENGTH + " characters"));
        }
        return value;
    }
}

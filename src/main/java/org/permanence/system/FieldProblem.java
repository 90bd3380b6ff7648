package org.permanence.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request: the field, in the JSON path a client sent, and why. A problem with
 * a {@code code} can be said in the reader's language: {@link FieldProblems} looks the code up, with its
 * {@code arguments}, in {@code i18n/problems*.properties}; {@code message} is what it says in English,
 * and what is shown when the code has no text in that language.
 */
public record FieldProblem(String field, String message, @JsonInclude(JsonInclude.Include.NON_NULL) String code,
                           @JsonIgnore List<Object> arguments) {

    public FieldProblem {
        // arguments may hold nulls (a time nobody typed): no List.copyOf
        arguments = arguments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    /** A problem said in English only. */
    public FieldProblem(String field, String message) {
        this(field, message, null, List.of());
    }

    /** A problem that can be said in the reader's language: its code, the English, and what the text names. */
    public static FieldProblem of(String field, String code, String english, Object... arguments) {
        return new FieldProblem(field, english, code, Arrays.asList(arguments));
    }
}

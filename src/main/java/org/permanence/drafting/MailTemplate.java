package org.permanence.drafting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One of a client's mail templates, in the client's language: the subject and the body are Thymeleaf
 * text templates naming the case's fields ({@code [(${caller.name})]}, see {@link CaseFacts#FIELDS}).
 * A {@link Kind#LETTER} is also printed on the client's letterhead.
 */
public record MailTemplate(
        @NotBlank @Pattern(regexp = CODE_PATTERN, message = "use 1 to 40 lower-case letters, digits or dashes, starting with a letter")
        String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull Kind kind,
        @NotBlank @Size(max = 500) String subject,
        @NotBlank @Size(max = 20000) String body) {

    public static final String CODE_PATTERN = "[a-z][a-z0-9-]{0,39}";

    /** An e-mail only, or a letter (a PDF on the letterhead, attached to the mail or posted). */
    public enum Kind { EMAIL, LETTER }
}

package org.permanence.portal;

/** One of a client's own people, as the managers' page lists them: an engine user of that client's tenant only. */
public record ClientAccount(String id, String firstName, String lastName, String email) {

    /** Engine user ids a manager may give: short, lower case, nothing a URL or a log line would mangle. */
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9._-]{1,63}";
}

package org.permanence.system;

/**
 * A person read a call's details, a document or a mail: published (synchronously) by whatever hands such a
 * content to a person, before handing it over, and written to the access log (package privacy). An event
 * rather than a call, so that the features that show data need not know where the log is kept; a log that
 * cannot be written fails the read.
 */
public record PersonalDataRead(String reader, String clientId, Item item, String itemId, Way way) {

    /** What was read. */
    public enum Item { CALL, DOCUMENT, MAIL }

    /** How: the office's API, one of its pages, or a Tasklist form. */
    public enum Way { API, PAGE, TASKLIST }
}

package org.permanence.privacy;

/** The kinds of a client's records that are kept for a time of their own. */
public enum RecordKind {
    /** Calls and the messages taken during them (summaries, notifications sent to the client). */
    CALLS,
    APPOINTMENTS,
    /** Drafted and sent mails, mails received for the client, and what the embedded mail server delivered. */
    MAILS,
    /** Documents with their stored files, texts, previews and the OCR cache. */
    DOCUMENTS
}

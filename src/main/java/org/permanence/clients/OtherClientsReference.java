package org.permanence.clients;

/**
 * A case refers to an object, a document or a record of another client than its own (an attachment key,
 * a document id): refused where it would be used, so nothing of that client is read, copied or sent.
 * Retrying cannot make it the case's own: the step stops at once with this reason (an incident).
 */
public class OtherClientsReference extends RuntimeException {

    public OtherClientsReference(String message) {
        super(message);
    }
}

package org.permanence.system;

/** The object store could not be reached or refused a request; callers answer 503 and retry later. */
public class ObjectStorageUnavailable extends RuntimeException {

    public ObjectStorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

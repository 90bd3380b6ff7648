package org.permanence.documents;

import java.util.Map;

/** Starts document-review.bpmn for a filed document (engine side): one open review per document. */
public interface ReviewStart {

    /**
     * Answers the document's open review if it has one, else starts one with {@code variables}; the
     * instance belongs to the client's tenant.
     */
    Review start(String clientId, String documentId, Map<String, Object> variables);

    /** The review's process instance, and whether it was already asked for (nothing new started). */
    record Review(String processInstanceId, boolean alreadyAsked) {
    }
}

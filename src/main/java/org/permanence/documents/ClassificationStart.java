package org.permanence.documents;

/** Starts document-classification.bpmn for a document whose original and row are stored (engine side). */
public interface ClassificationStart {

    /** Answers the process instance id; the instance belongs to the client's tenant. */
    String start(String clientId, String documentId, String originalName, String previewUrl);
}

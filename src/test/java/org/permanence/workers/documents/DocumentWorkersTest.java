package org.permanence.workers.documents;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.clients.OtherClientsReference;
import org.permanence.documents.DocumentFiling;
import org.permanence.documents.DocumentReading;
import org.permanence.documents.DocumentUnreadable;
import org.permanence.documents.Reading;
import org.permanence.documents.StoredDocument;
import org.permanence.system.ObjectStorageUnavailable;
import org.permanence.workers.Retries;
import org.permanence.workers.RetryPolicy;

/** A document nobody can read goes to a person at once; storage that is down is retried, never the other way round. */
@Tag("unit")
class DocumentWorkersTest {

    private static final Retries RETRIES = new Retries(new RetryPolicy(4, Duration.ofSeconds(10)));
    private final ExternalTask task = mock(ExternalTask.class);
    private final ExternalTaskService service = mock(ExternalTaskService.class);

    @Test
    void anUnreadableDocumentIsABpmnErrorWithTheReasonNotARetry() {
        DocumentReading reading = mock(DocumentReading.class);
        doReturn("c").when(task).getVariable("clientId");
        doReturn("d1").when(task).getVariable("documentId");
        doThrow(new DocumentUnreadable(Reading.Outcome.ENCRYPTED, "Le PDF est protégé par un mot de passe")).when(reading).read("c", "d1");

        new ExtractDocumentWorker(reading, RETRIES).execute(task, service);

        verify(service).handleBpmnError(task, "DocumentUnreadable", "Le PDF est protégé par un mot de passe",
                Map.of("unreadableReason", "Le PDF est protégé par un mot de passe"));
        verify(service, never()).handleFailure(any(ExternalTask.class), anyString(), anyString(), anyInt(), anyLong());
    }

    @Test
    void storageThatIsDownIsRetriedWithTheReason() {
        DocumentReading reading = mock(DocumentReading.class);
        doReturn("c").when(task).getVariable("clientId");
        doReturn("d1").when(task).getVariable("documentId");
        doReturn(null).when(task).getRetries();
        doThrow(new ObjectStorageUnavailable("object storage unreachable", null)).when(reading).read("c", "d1");

        new ExtractDocumentWorker(reading, RETRIES).execute(task, service);

        verify(service).handleFailure(eq(task), eq("object storage unreachable"), anyString(), eq(3), eq(10_000L));
        verify(service, never()).handleBpmnError(any(ExternalTask.class), anyString(), anyString(), any());
    }

    @Test
    void aSecretarysCategoryIsFiledInHerNameAndTheModelsWordWhenNobodyAnswered() {
        DocumentFiling filing = mock(DocumentFiling.class);
        doReturn("c").when(task).getVariable("clientId");
        doReturn("d1").when(task).getVariable("documentId");
        doReturn("facture").when(task).getVariable("category");
        doReturn("filed/c/facture/2026/d1.pdf").when(filing).file("c", "d1", "facture", StoredDocument.BY_MODEL);

        new FileDocumentWorker(filing, RETRIES).execute(task, service);

        verify(service).complete(task, Map.of("filedKey", "filed/c/facture/2026/d1.pdf"));
    }

    @Test
    void anotherClientsDocumentIsAnIncidentAtOnceNeverRetried() {
        DocumentReading reading = mock(DocumentReading.class);
        doReturn("c").when(task).getVariable("clientId");
        doReturn("d2").when(task).getVariable("documentId");
        doReturn(null).when(task).getRetries();
        doThrow(new OtherClientsReference("document d2 is not a document of the case's client c")).when(reading).read("c", "d2");

        new ExtractDocumentWorker(reading, RETRIES).execute(task, service);

        verify(service).handleFailure(eq(task), eq("document d2 is not a document of the case's client c"), anyString(), eq(0), anyLong());
        verify(service, never()).complete(any(ExternalTask.class), any());
        verify(service, never()).handleBpmnError(any(ExternalTask.class), anyString(), anyString(), any());
    }
}

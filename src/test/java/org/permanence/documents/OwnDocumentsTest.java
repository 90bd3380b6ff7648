package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.Eventually.await;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestClients;
import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Clients;
import org.permanence.storage.ObjectStorage;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A classification reads its own client's documents only, checked where the document is read: a case
 * started (by the office itself, as if every start check had been passed by) for one client with another
 * client's document id stops with an incident, and none of the document's text reaches the case.
 */
@OfficeIntegrationTest
class OwnDocumentsTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    Clients clients;
    @Autowired
    DocumentIntake intake;
    @Autowired
    ObjectStorage objects;

    @Test
    void aClassificationOfAnotherClientsDocumentReadsNothing() {
        Client mine = clients.store(TestClients.client("curieux", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        Client other = clients.store(TestClients.client("discret", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        String documentId = intake.receive(other.id(), "contrat.pdf",
                TestDocuments.textPdf(1, List.of("CONTRAT CONFIDENTIEL", "Clause de non-concurrence")), DocumentIntake.Source.UPLOAD,
                "sophie").documentId();

        String stolen = runtime.startProcessInstanceByKey("document-classification", Map.of("clientId", mine.id(),
                "documentId", documentId, "originalName", "contrat.pdf", "previewUrl", "http://localhost/x")).getId();

        await("the read to be refused with an incident", () -> runtime.createIncidentQuery().processInstanceId(stolen).count() == 1);
        Incident incident = runtime.createIncidentQuery().processInstanceId(stolen).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("ExtractDocument");
        assertThat(incident.getIncidentMessage()).contains(documentId, mine.id());
        assertThat(runtime.getVariable(stolen, "textExcerpt")).isNull();
        assertThat(objects.exists(DocumentObjects.text(mine.id(), documentId))).isFalse();
    }
}

package org.permanence.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.Eventually.await;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestClients;
import org.permanence.TestMail;
import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Clients;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.permanence.storage.ObjectStorage;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A mail goes out with its own client's objects only, checked where it is sent: a case started with
 * another client's attachment key (here by the office itself, as if every start check had been passed by)
 * stops with an incident that names the key, and sends nothing.
 */
@OfficeIntegrationTest
class OwnAttachmentsTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    Clients clients;
    @Autowired
    ObjectStorage storage;
    @Autowired
    MailFolder folder;

    @Test
    void anotherClientsDocumentIsNeverSentAsAnAttachment() {
        Client mine = clients.store(TestClients.client("pieces", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        Client other = clients.store(TestClients.client("confidentiel", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        String contract = stored("documents/" + other.id() + "/" + UUID.randomUUID() + "/original");
        String outsider = "dehors-" + UUID.randomUUID() + "@example.org";

        String mail = startedAndSent(mine, outsider, contract);

        Incident incident = awaitIncident(mail);
        assertThat(incident.getActivityId()).isEqualTo("SendMail");
        assertThat(incident.getIncidentMessage()).contains(contract, mine.id());
        assertThat(TestMail.to(folder, outsider)).isEmpty();
    }

    @Test
    void aKeyThatClimbsOutOfTheClientsFolderIsRefusedToo() {
        Client mine = clients.store(TestClients.client("escalier", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        Client other = clients.store(TestClients.client("voisin", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        String document = UUID.randomUUID().toString();
        stored("documents/" + other.id() + "/" + document + "/original");
        String climbing = "documents/" + mine.id() + "/../" + other.id() + "/" + document + "/original";
        String outsider = "dehors-" + UUID.randomUUID() + "@example.org";

        String mail = startedAndSent(mine, outsider, climbing);

        assertThat(awaitIncident(mail).getIncidentMessage()).contains(climbing);
        assertThat(TestMail.to(folder, outsider)).isEmpty();
    }

    @Test
    void aReviewThatNamesAnotherClientAndItsDocumentSendsNothing() {
        Client mine = clients.store(TestClients.client("relecture", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        Client other = clients.store(TestClients.client("cible", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        String contract = stored("documents/" + other.id() + "/" + UUID.randomUUID() + "/original");
        String outsider = "dehors-" + UUID.randomUUID() + "@example.org";
        String mail = runtime.startProcessInstanceByKey("mail-drafting", Map.of("clientId", mine.id(), "templateCode", "answer",
                "recipientEmail", outsider, "callerName", "Jean Dupont", "reason", "Votre dossier")).getId();
        await("the draft to review", () -> tasks.createTaskQuery().processInstanceId(mail).taskDefinitionKey("ReviewDraft").count() == 1);

        // the case stays in its client's tenant whatever its variables say afterwards
        tasks.complete(tasks.createTaskQuery().processInstanceId(mail).taskDefinitionKey("ReviewDraft").singleResult().getId(),
                Map.of("reviewDecision", "send", "clientId", other.id(), "attachmentKeys", contract));

        assertThat(awaitIncident(mail).getIncidentMessage()).contains(mine.id(), other.id());
        assertThat(TestMail.to(folder, outsider)).isEmpty();
    }

    @Test
    void theClientsOwnDocumentStillGoesWithItsMail() {
        Client mine = clients.store(TestClients.client("ordonnance", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        String own = stored("documents/" + mine.id() + "/" + UUID.randomUUID() + "/original");
        String patient = "patient-" + UUID.randomUUID() + "@example.org";

        String mail = startedAndSent(mine, patient, own);

        await("the mail with its attachment", () -> runtime.createProcessInstanceQuery().processInstanceId(mail).count() == 0);
        List<StoredMail> received = TestMail.to(folder, patient);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).attachmentNames()).containsExactly("original");
    }

    private String stored(String key) {
        storage.put(key, "CONTRAT CONFIDENTIEL".getBytes(), "text/plain");
        return key;
    }

    /** Started by the office (no one signed in: no start check), then reviewed and sent by a secretary. */
    private String startedAndSent(Client client, String recipient, String attachmentKey) {
        String mail = runtime.startProcessInstanceByKey("mail-drafting", Map.of("clientId", client.id(), "templateCode", "answer",
                "recipientEmail", recipient, "callerName", "Jean Dupont", "reason", "Votre dossier", "attachmentKeys", attachmentKey)).getId();
        await("the draft to review", () -> tasks.createTaskQuery().processInstanceId(mail).taskDefinitionKey("ReviewDraft").count() == 1);
        Task review = tasks.createTaskQuery().processInstanceId(mail).taskDefinitionKey("ReviewDraft").singleResult();
        tasks.complete(review.getId(), Map.of("reviewDecision", "send"));
        return mail;
    }

    private Incident awaitIncident(String mail) {
        await("the send to be refused with an incident", () -> runtime.createIncidentQuery().processInstanceId(mail).count() == 1);
        return runtime.createIncidentQuery().processInstanceId(mail).singleResult();
    }
}

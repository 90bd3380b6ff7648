package org.permanence.drafting;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Tag;
import org.permanence.ProcessTestEngine;

/**
 * Every path of mail-drafting.bpmn on the real engine; the workers are played by the test at the
 * external-task boundary, the client's answer by a message as the approval link sends it.
 */
@Deployment(resources = {"processes/mail-drafting.bpmn", "forms/write-a-mail.form", "forms/review-draft.form",
        "forms/examine-incoming-mail.form", "forms/obtain-client-approval.form", "forms/correct-mail-request.form"})
@Tag("process")
class MailDraftingProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    ProcessEngine engine;

    @BeforeEach
    void assertOnThisEngine() {
        init(engine);
    }

    @Test
    void withoutApprovalTheReviewedDraftIsSentThenArchived() {
        ProcessInstance mail = reviewed(false, "send");

        assertThat(mail).isWaitingAt("SendMail").externalTask().hasTopicName("send-mail");
        complete(externalTask(), Map.of("messageId", "<abc@permanence.local>"));
        assertThat(mail).isWaitingAt("ArchiveMail").externalTask().hasTopicName("archive-mail");
        complete(externalTask());
        assertThat(mail).hasPassed("MailSent").hasNotPassed("AskClientApproval").isEnded();
    }

    @Test
    void withApprovalTheClientIsAskedAndItsApprovalSendsTheMail() {
        ProcessInstance mail = reviewed(true, "send");

        assertThat(mail).isWaitingAt("AskClientApproval").externalTask().hasTopicName("ask-client-approval");
        complete(externalTask(), Map.of("approvalRemindAfter", "PT24H", "approvalEscalateAfter", "PT72H"));
        assertThat(mail).isWaitingAt("AwaitClientApproval");
        answer(mail, "approve", null);

        assertThat(mail).isWaitingAt("SendMail");
        complete(externalTask());
        complete(externalTask());
        assertThat(mail).hasPassed("MailSent").isEnded();
    }

    @Test
    void aClientAskingForAChangeSendsTheDraftBackToReview() {
        ProcessInstance mail = reviewed(true, "send");
        complete(externalTask(), Map.of("approvalRemindAfter", "PT24H", "approvalEscalateAfter", "PT72H"));
        answer(mail, "change", "Merci d'ajouter nos horaires");

        assertThat(mail).isWaitingAt("ReviewDraft").hasVariables("clientComment");
        complete(task(), withVariables("reviewDecision", "send", "draftText", "Texte avec les horaires"));
        assertThat(mail).isWaitingAt("AskClientApproval");
    }

    @Test
    void redraftingWithAnotherTemplateDraftsAgainThenComesBackToReview() {
        ProcessInstance mail = reviewed(false, "redraft", "templateCode", "letter");

        assertThat(mail).isWaitingAt("DraftMail").hasVariables("templateCode");
        Assertions.assertThat(runtimeService().getVariable(mail.getId(), "templateCode")).isEqualTo("letter");
        draft();
        assertThat(mail).isWaitingAt("ReviewDraft");
        complete(task(), withVariables("reviewDecision", "send"));
        assertThat(mail).isWaitingAt("SendMail");
    }

    @Test
    void aDiscardedDraftEndsWithoutSending() {
        ProcessInstance mail = reviewed(false, "discard");

        assertThat(mail).hasPassed("MailDiscarded").hasNotPassed("SendMail").isEnded();
    }

    @Test
    void aClientWhoDoesNotAnswerIsRemindedThenASecretaryChasesTheApproval() {
        ProcessInstance mail = reviewed(true, "send");
        complete(externalTask(), Map.of("approvalRemindAfter", "PT24H", "approvalEscalateAfter", "PT72H"));

        Job reminder = job("ApprovalReminderDue");
        Job overdue = job("ApprovalOverdue");
        Assertions.assertThat(reminder.getDuedate().toInstant()).isBefore(overdue.getDuedate().toInstant());
        Assertions.assertThat(overdue.getDuedate().toInstant()).isAfter(Instant.now().plusSeconds(71 * 3600));
        execute(reminder);
        assertThat(mail).isWaitingAt("AwaitClientApproval", "RemindClient");
        complete(externalTask("RemindClient"));
        assertThat(mail).hasPassed("ClientReminded").isWaitingAt("AwaitClientApproval");

        execute(job("ApprovalOverdue"));
        assertThat(mail).isWaitingAt("ObtainClientApproval").hasNotPassed("SendMail");
        assertThat(task()).hasCandidateGroup("secretaries");
        Assertions.assertThat(task().getPriority()).isEqualTo(80);
        complete(task(), withVariables("clientAnswer", "approve", "clientComment", "D'accord au téléphone"));
        assertThat(mail).isWaitingAt("SendMail");
    }

    @Test
    void aTemplateTheClientDoesNotHaveGoesToBeCorrectedThenIsDraftedAgain() {
        ProcessInstance mail = draftImpossible("cabinet-martin", "lettre", "Cabinet du Dr Martin n'a pas de modèle « lettre »");

        assertThat(mail).hasNotPassed("ReviewDraft");
        assertThat(task()).hasCandidateGroup("managers");
        complete(task(), withVariables("templateCode", "letter", "correction", "retry"));
        assertThat(mail).isWaitingAt("DraftMail");
        draft();
        assertThat(mail).isWaitingAt("ReviewDraft");
    }

    @Test
    void aRequestThatCannotBeCorrectedIsDropped() {
        ProcessInstance mail = draftImpossible("cabinet-inconnu", "answer", "aucun client n'a l'identifiant « cabinet-inconnu »");

        complete(task(), withVariables("templateCode", "answer", "correction", "drop"));
        assertThat(mail).hasPassed("MailRequestDropped").hasNotPassed("SendMail").isEnded();
    }

    @Test
    void anIncomingMailThatCannotBeReadBecomesATaskNotADraft() {
        ProcessInstance mail = runtimeService().startProcessInstanceByKey("mail-drafting", withVariables("clientId", null,
                "incomingProblem", "aucun client n'a l'adresse inconnu@example.fr", "incomingFrom", "inconnu@example.fr",
                "incomingSubject", "Bonjour", "incomingKey", "incoming/x.eml"));

        assertThat(mail).isWaitingAt("ExamineIncomingMail").hasNotPassed("DraftMail");
        assertThat(task()).hasCandidateGroup("managers");
        complete(task(), withVariables("examineOutcome", "Transmis au bon client"));
        assertThat(mail).hasPassed("IncomingMailExamined").isEnded();
    }

    @Test
    @Deployment(resources = {"processes/mail-drafting.bpmn", "forms/write-a-mail.form", "forms/review-draft.form",
            "forms/examine-incoming-mail.form", "forms/obtain-client-approval.form", "forms/correct-mail-request.form", "processes/call-intake.bpmn",
            "processes/call-routing.dmn", "forms/log-a-call.form", "forms/handle-call.form", "forms/confirm-client-reached.form",
            "forms/reach-client-escalated.form", "forms/take-appointment.form", "forms/call-back.form"})
    void aMailAskedForDuringACallIsDraftedBesideTheCallsRouting() {
        ProcessInstance call = runtimeService().startProcessInstanceByKey("call-intake", "aircall-77",
                withVariables("dialledNumber", "01 45 67 89 10", "callerNumber", "06 12 34 56 78"));
        assertThat(call).isWaitingAt("IdentifyCaller");
        complete(externalTask(), Map.of("lineKnown", true, "clientId", "cabinet-martin", "clientName", "Cabinet du Dr Martin",
                "clientMessageDelivery", "DAILY_SUMMARY", "urgentConfirmWithin", "PT15M", "callBackDue", new Date()));
        complete(task(), withVariables("callerName", "Jeanne Dupont", "reason", "Ordonnance", "category", "information",
                "mood", "calm", "mailWanted", true, "callerEmail", "jeanne@example.fr", "mailTemplate", "letter"));

        ProcessInstance mail = runtimeService().createProcessInstanceQuery().processDefinitionKey("mail-drafting")
                .superProcessInstanceId(call.getId()).singleResult();
        assertThat(mail).isWaitingAt("DraftMail");
        Assertions.assertThat(mail.getBusinessKey()).isEqualTo("aircall-77");
        Assertions.assertThat(runtimeService().getVariables(mail.getId())).containsEntry("templateCode", "letter")
                .containsEntry("recipientEmail", "jeanne@example.fr").containsEntry("callerName", "Jeanne Dupont")
                .containsEntry("clientId", "cabinet-martin");
        assertThat(call).isWaitingAt("RecordCall", "WriteMail");
    }

    @Test
    @Deployment(resources = {"processes/mail-drafting.bpmn", "forms/write-a-mail.form", "forms/review-draft.form",
            "forms/examine-incoming-mail.form", "forms/obtain-client-approval.form", "forms/correct-mail-request.form", "processes/call-intake.bpmn",
            "processes/call-routing.dmn", "forms/log-a-call.form", "forms/handle-call.form", "forms/confirm-client-reached.form",
            "forms/reach-client-escalated.form", "forms/take-appointment.form", "forms/call-back.form"})
    void aCallWithoutAMailStartsNone() {
        ProcessInstance call = runtimeService().startProcessInstanceByKey("call-intake",
                withVariables("dialledNumber", "01 45 67 89 10", "callerNumber", "06 12 34 56 78"));
        assertThat(call).isWaitingAt("IdentifyCaller");
        complete(externalTask(), Map.of("lineKnown", true, "clientId", "cabinet-martin", "clientName", "Cabinet du Dr Martin",
                "clientMessageDelivery", "DAILY_SUMMARY", "urgentConfirmWithin", "PT15M", "callBackDue", new Date()));
        complete(task(), withVariables("callerName", "Jeanne Dupont", "reason", "Ordonnance", "category", "information",
                "mood", "calm", "mailWanted", false));
        assertThat(call).isWaitingAt("RecordCall");
        complete(externalTask());

        assertThat(call).isEnded();
        Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("mail-drafting").count()).isZero();
    }

    /** A request the drafting worker answers with its BPMN error, as it does for an unknown client or template. */
    private ProcessInstance draftImpossible(String clientId, String templateCode, String problem) {
        ProcessInstance mail = runtimeService().startProcessInstanceByKey("mail-drafting", withVariables(
                "clientId", clientId, "templateCode", templateCode, "recipientEmail", "jeanne@example.fr"));
        engine.getExternalTaskService().fetchAndLock(1, "test").topic("draft-mail", 10_000).execute()
                .forEach(locked -> engine.getExternalTaskService().handleBpmnError(locked.getId(), "test", "draft-impossible", problem,
                        Map.of("draftProblem", problem)));
        assertThat(mail).isWaitingAt("CorrectMailRequest");
        return mail;
    }

    private static ProcessInstance reviewed(boolean clientApproval, String decision, Object... more) {
        ProcessInstance mail = runtimeService().startProcessInstanceByKey("mail-drafting", "call-42", withVariables(
                "clientId", "cabinet-martin", "templateCode", "answer", "recipientEmail", "jeanne@example.fr",
                "callerName", "Jeanne Dupont", "reason", "Ordonnance"));
        assertThat(mail).isWaitingAt("DraftMail").externalTask().hasTopicName("draft-mail");
        complete(externalTask(), Map.of("clientName", "Cabinet du Dr Martin", "draftSubject", "Votre appel",
                "draftText", "Bonjour", "draftLetter", false, "reference", "call-42", "clientApproval", clientApproval));

        assertThat(mail).isWaitingAt("ReviewDraft");
        assertThat(task()).hasCandidateGroup("secretaries").hasName("Relire le brouillon — Cabinet du Dr Martin");
        Map<String, Object> variables = withVariables("reviewDecision", decision, "draftText", "Bonjour, texte relu");
        for (int i = 0; i < more.length; i += 2) {
            variables.put((String) more[i], more[i + 1]);
        }
        complete(task(), variables);
        return mail;
    }

    private static void draft() {
        complete(externalTask(), Map.of("clientName", "Cabinet du Dr Martin", "draftSubject", "Courrier", "draftText", "Madame,",
                "draftLetter", true));
    }

    private static void answer(ProcessInstance mail, String answer, String comment) {
        runtimeService().createMessageCorrelation("ClientAnsweredDraft").processInstanceId(mail.getId())
                .setVariable("clientAnswer", answer).setVariable("clientComment", comment).correlate();
    }
}

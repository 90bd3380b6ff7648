package org.permanence.workers.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.workers.Retries;
import org.permanence.workers.RetryPolicy;
import org.mockito.ArgumentCaptor;
import org.permanence.calls.CallRecords;
import org.permanence.mail.MailNotSent;
import org.permanence.notifications.CallMessage;
import org.permanence.notifications.ClientNotifications;

/** The workers' side of "never lost": a failure goes back to the engine for a retry, with the reason. */
@Tag("unit")
class CallMessageWorkerTest {

    private final ClientNotifications notifications = mock(ClientNotifications.class);
    private final CallRecords calls = mock(CallRecords.class);
    private final ExternalTask task = mock(ExternalTask.class);
    private final ExternalTaskService service = mock(ExternalTaskService.class);
    private static final Retries RETRIES = new Retries(new RetryPolicy(4, Duration.ofSeconds(10)));

    @Test
    void theMessageIsReadFromTheCallAndTheStepCompletedOnceTold() {
        Date handled = Date.from(Instant.parse("2025-03-11T13:32:00Z"));
        doReturn("call-1").when(task).getProcessInstanceId();
        doReturn(handled).when(task).getCreateTime();
        Map.of("clientId", "cabinet-martin", "callerName", "M. Dupont", "callerNumber", "+33612345678", "reason", "Ordonnance",
                "category", "message", "mood", "calm", "notes", "Rappeler").forEach((name, value) -> doReturn(value).when(task).getVariable(name));

        new NotifyClientWorker(notifications, calls, RETRIES).execute(task, service);

        ArgumentCaptor<CallMessage> told = ArgumentCaptor.forClass(CallMessage.class);
        verify(notifications).tellNow(told.capture());
        assertThat(told.getValue()).isEqualTo(new CallMessage("call-1", "cabinet-martin", "M. Dupont", "+33612345678", "Ordonnance",
                "message", "calm", "Rappeler", handled.toInstant()));
        verify(service).complete(task, Map.of());
    }

    @Test
    void theClientIsToldWhenTheCallRangNotWhenItWasNoted() {
        Instant rang = Instant.parse("2025-03-11T18:49:00Z");
        doReturn("call-2").when(task).getProcessInstanceId();
        doReturn(Date.from(Instant.parse("2025-03-11T18:55:00Z"))).when(task).getCreateTime();
        doReturn(Optional.of(rang)).when(calls).rangAt("call-2");

        new NotifyClientWorker(notifications, calls, RETRIES).execute(task, service);

        ArgumentCaptor<CallMessage> told = ArgumentCaptor.forClass(CallMessage.class);
        verify(notifications).tellNow(told.capture());
        assertThat(told.getValue().receivedAt()).isEqualTo(rang);
    }

    @Test
    void aMailServerThatIsDownIsReportedForARetryWithTheReason() {
        // a first failure: the engine has set no retries yet
        doReturn(null).when(task).getRetries();
        doThrow(new MailNotSent("Mail for client cabinet-martin to dr.martin@example.fr not sent: Couldn't connect to host", null))
                .when(notifications).tellUrgently(any());

        new NotifyUrgentContactWorker(notifications, calls, RETRIES).execute(task, service);

        verify(service).handleFailure(eq(task), eq("Mail for client cabinet-martin to dr.martin@example.fr not sent: Couldn't connect to host"),
                contains("MailNotSent"), eq(3), eq(10_000L));
        verify(service, never()).complete(any(), any());
    }
}

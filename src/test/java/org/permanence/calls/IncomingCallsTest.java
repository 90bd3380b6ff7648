package org.permanence.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.permanence.OfficeIntegrationTest;
import org.permanence.clients.ClientRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Exactly one start per call, on the real database, with the engine played by the test: a start
 * slower than the database's lock timeout, and a start that fails.
 */
@OfficeIntegrationTest
class IncomingCallsTest {

    private static final AtomicInteger NEXT_CALL = new AtomicInteger();

    @Autowired
    CallRecords records;
    @Autowired
    ClientRepository clients;
    @Autowired
    TransactionOperations transactions;

    /** A provider's call id is the caller's side of the wire: one with a line break must not write a line of its own in the log. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aCallIdWithLineBreaksForgesNoLogLine(CapturedOutput output) {
        IncomingCalls calls = new IncomingCalls(records, started -> UUID.randomUUID().toString(), clients, transactions);
        String forged = "forged-" + NEXT_CALL.incrementAndGet() + "\r\n04:00 INFO Admin : reset";

        assertThat(calls.receive(new IncomingCall("test", forged, "+33145678910", "anonymous", CallStatus.RINGING)))
                .isEqualTo(IncomingCalls.Outcome.STARTED);

        assertThat(output.getAll()).contains(forged.replace("\r\n", "\\r\\n")).doesNotContain("\n04:00 INFO Admin");
    }

    @Test
    void aSecondDeliveryWhileTheFirstIsStillStartingStartsNothing() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        IncomingCalls calls = new IncomingCalls(records, call -> {
            starts.incrementAndGet();
            // longer than H2 waits for the first delivery's row: the second gives up once, then finds it filed
            sleep(2_500);
            return UUID.randomUUID().toString();
        }, clients, transactions);
        IncomingCall call = newCall();

        CompletableFuture<IncomingCalls.Outcome> first = CompletableFuture.supplyAsync(() -> calls.receive(call));
        Thread.sleep(200);
        IncomingCalls.Outcome second = calls.receive(call);

        assertThat(List.of(first.get(), second)).containsExactly(IncomingCalls.Outcome.STARTED, IncomingCalls.Outcome.ALREADY_RECEIVED);
        assertThat(starts).hasValue(1);
    }

    @Test
    void aStartThatFailsFilesNothingSoTheProvidersNextDeliveryStartsTheCall() {
        IncomingCall call = newCall();
        IncomingCalls engineDown = new IncomingCalls(records, failing -> {
            throw new IllegalStateException("engine unavailable");
        }, clients, transactions);
        IncomingCalls engineUp = new IncomingCalls(records, started -> UUID.randomUUID().toString(), clients, transactions);

        assertThatThrownBy(() -> engineDown.receive(call)).hasMessage("engine unavailable");

        assertThat(engineUp.receive(call)).isEqualTo(IncomingCalls.Outcome.STARTED);
    }

    private static IncomingCall newCall() {
        return new IncomingCall("aircall", "incoming-" + System.currentTimeMillis() + "-" + NEXT_CALL.incrementAndGet(),
                "01 45 67 89 10", "06 12 34 56 78", CallStatus.RINGING);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.permanence.calls;

import org.permanence.clients.ClientRepository;
import org.permanence.clients.PhoneNumbers;
import org.permanence.system.EngineNode;
import org.permanence.system.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Calls announced by the telephony providers. Providers deliver each event at least once, sometimes
 * twice at the same moment; a call still starts exactly one process: its row is filed (unique on the
 * provider's call id) and its process started in one transaction, so a second delivery fails on the
 * insert before anything starts, and is only news about the call's status.
 */
@Service
@EngineNode
public class IncomingCalls {

    private static final Logger log = LoggerFactory.getLogger(IncomingCalls.class);
    /** Tries while another delivery of the same call holds its row: H2 waits about 2 s for it, PostgreSQL until it commits. */
    private static final int ATTEMPTS = 3;

    public enum Outcome { STARTED, ALREADY_RECEIVED, STATUS_RECORDED, UNCHANGED }

    private final CallRecords records;
    private final CallIntake intake;
    private final ClientRepository clients;
    private final TransactionOperations transactions;

    IncomingCalls(CallRecords records, CallIntake intake, ClientRepository clients, TransactionOperations transactions) {
        this.records = records;
        this.intake = intake;
        this.clients = clients;
        this.transactions = transactions;
    }

    /** A call rang: the first delivery files it and starts its process, any later one records its status. */
    public Outcome receive(IncomingCall call) {
        for (int attempt = 1; ; attempt++) {
            try {
                String processInstanceId = transactions.execute(status -> {
                    String callId = records.register(call, clientOf(call.dialledNumber()));
                    String started = intake.start(call);
                    records.linkProcess(callId, started);
                    return started;
                });
                log.info("Call {} started process instance {}", PlainText.forLog(call.businessKey()), processInstanceId);
                return Outcome.STARTED;
            } catch (DuplicateKeyException alreadyFiled) {
                records.progress(call.provider(), call.providerCallId(), call.status());
                return Outcome.ALREADY_RECEIVED;
            } catch (TransientDataAccessException anotherDeliveryIsFilingIt) {
                // H2 gave up waiting (a query timeout, to Spring): the next try finds the other delivery's
                // row committed (a duplicate) or rolled back (ours to start)
                if (attempt == ATTEMPTS) {
                    throw anotherDeliveryIsFilingIt;
                }
            }
        }
    }

    /** News about a call already announced (answered, ended); it never starts anything. */
    public Outcome progress(String provider, String providerCallId, CallStatus status) {
        return records.progress(provider, providerCallId, status) ? Outcome.STATUS_RECORDED : Outcome.UNCHANGED;
    }

    /**
     * News about a call that carries the call itself, as every Aircall call event does. Providers do
     * not promise the order of their events: news that comes before the call was announced announces
     * it, with the status it already has, and the announcement that follows is only old news.
     */
    public Outcome progressOrReceive(IncomingCall call) {
        Outcome news = progress(call.provider(), call.providerCallId(), call.status());
        if (news == Outcome.STATUS_RECORDED || records.isFiled(call.provider(), call.providerCallId())) {
            return news;
        }
        return receive(call);
    }

    private String clientOf(String dialledNumber) {
        return PhoneNumbers.e164(dialledNumber).flatMap(clients::clientOfLine).orElse(null);
    }
}

package org.permanence.telephony;

import java.util.Locale;

import org.permanence.calls.IncomingCalls;

/**
 * What a webhook answers: which call (the provider's id), and what became of the delivery.
 * Providers only look at the status; the body is for whoever reads the provider's delivery log.
 */
record Receipt(String callId, String outcome) {

    static Receipt of(String callId, IncomingCalls.Outcome outcome) {
        return new Receipt(callId, outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** Accepted and left alone: not an inbound call, or an event we do not follow. */
    static Receipt ignored(String callId) {
        return new Receipt(callId, "ignored");
    }
}

package org.permanence.calls;

/**
 * A call as a telephony provider announces it: its own id for the call, the line that was dialled
 * and the caller's number, both as the provider wrote them.
 */
public record IncomingCall(String provider, String providerCallId, String dialledNumber, String callerNumber, CallStatus status) {

    /** One call, one process instance: the provider's call id is its business key. */
    public String businessKey() {
        return provider + ":" + providerCallId;
    }
}

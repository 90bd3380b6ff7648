package org.permanence.telephony;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The part of an Aircall webhook event Permanence reads (Aircall sends much more): for a call, its
 * id, its direction, the other party's number ({@code raw_digits}: the caller's, on an inbound call)
 * and the Aircall number that was dialled.
 */
record AircallEvent(String resource, String event, String token, Data data) {

    record Data(String id, String direction, @JsonProperty("raw_digits") String rawDigits, Line number) {
    }

    record Line(String digits) {
    }
}

package org.permanence.appointments;

/**
 * The slot the secretary chose cannot be booked: {@code code} is the BPMN error the process catches
 * ({@code SlotTaken}: someone else just took it; {@code SlotRefused}: the client's rules forbid it),
 * the message tells her why, in her words.
 */
public class SlotUnavailable extends RuntimeException {

    public static final String TAKEN = "SlotTaken";
    public static final String REFUSED = "SlotRefused";

    private final String code;

    SlotUnavailable(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

package org.permanence.booking;

/**
 * Why the booking page turned a sending of its form down, with the HTTP status it answers and the
 * caller's words for it ({@code booking.refused.<name>} in i18n/booking*.properties).
 */
enum Refusal {
    /** Too many bookings sent from this address to this page lately. */
    TOO_MANY_ATTEMPTS(429),
    /** The field only robots see was filled in. */
    HONEYPOT(400),
    /** The form was not one the page gave (or was altered), is too old, or was already sent. */
    FORM_NOT_VALID(400),
    /** Sent sooner after the form was shown than a person can read, pick and type. */
    TOO_FAST(400),
    /** The caller already has as many appointments to come with this client as one may book here. */
    TOO_MANY_OPEN(409);

    final int status;

    Refusal(int status) {
        this.status = status;
    }

    String messageKey() {
        return "booking.refused." + name();
    }
}

package org.permanence.booking;

/**
 * What the booking page's form sends: the appointment type and the free slot picked (its instant), the
 * caller's name, phone and e-mail, the honeypot ({@code website}, hidden from people), the form's signed
 * stamp ({@code f}) and the page's language.
 */
record BookingForm(String type, String slot, String name, String phone, String email, String website, String f, String lang) {

    static final BookingForm EMPTY = new BookingForm(null, null, null, null, null, null, null, null);
}

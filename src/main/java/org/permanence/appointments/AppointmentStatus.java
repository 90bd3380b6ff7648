package org.permanence.appointments;

/** Only a BOOKED appointment holds its slot; the others are kept for the caller's history. */
public enum AppointmentStatus { BOOKED, CANCELLED, ATTENDED, NO_SHOW }

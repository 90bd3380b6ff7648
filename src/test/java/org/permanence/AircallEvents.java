package org.permanence;

/** Aircall's events as Aircall posts them to the webhook, for tests and benchmarks that ring the office. */
public final class AircallEvents {

    private AircallEvents() {
    }

    /** {@code call.created} for an inbound call from {@code caller} to the line {@code dialled}. */
    public static String callCreated(String token, String callId, String dialled, String caller) {
        long now = System.currentTimeMillis() / 1000;
        return """
                {"resource": "call", "event": "call.created", "timestamp": %d, "token": "%s",
                 "data": {"id": "%s", "direction": "inbound", "status": "initial", "started_at": %d,
                          "raw_digits": "%s",
                          "number": {"id": 1, "digits": "%s", "name": "Standard"}}}"""
                .formatted(now, token, callId, now, caller, dialled);
    }

    /** A French mobile number of its own for each n below 10^8. */
    public static String mobile(int n) {
        return String.format("+33 6 %02d %02d %02d %02d", n / 1000000 % 100, n / 10000 % 100, n / 100 % 100, n % 100);
    }
}

package org.permanence.telephony;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The telephony providers' webhooks. Each provider is on only when its secret is set (from the
 * environment); without it, its endpoint refuses everything. {@code publicBaseUrl} is the address
 * the providers are given for this office (behind a proxy it is not what the node sees), empty to
 * take it from the request.
 */
@ConfigurationProperties("permanence.telephony")
public record TelephonyProperties(Aircall aircall, Twilio twilio, String publicBaseUrl, int maxBodyBytes) {

    /** The token Aircall shows when the webhook is created, and sends back in every event. */
    public record Aircall(String token) {

        boolean enabled() {
            return token != null && !token.isBlank();
        }

        @Override
        public String toString() {
            return "Aircall[token " + (enabled() ? "set" : "not set") + "]";
        }
    }

    /** The account's auth token, with which Twilio signs every request. */
    public record Twilio(String authToken) {

        boolean enabled() {
            return authToken != null && !authToken.isBlank();
        }

        @Override
        public String toString() {
            return "Twilio[auth token " + (enabled() ? "set" : "not set") + "]";
        }
    }
}

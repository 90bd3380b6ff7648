package org.permanence.telephony;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/** A provider whose secret is not configured has no webhook: nothing it is sent is read, let alone accepted. */
@Tag("unit")
class WebhooksOffTest {

    private static final TelephonyProperties NO_SECRETS =
            new TelephonyProperties(new TelephonyProperties.Aircall(""), new TelephonyProperties.Twilio(null), null, 65536);

    @Test
    void aircallWithoutTokenAnswersNotFoundSayingWhatToSet() {
        AircallWebhook webhook = new AircallWebhook(null, NO_SECRETS, null);

        assertThatThrownBy(() -> webhook.event(new MockHttpServletRequest("POST", "/webhooks/aircall")))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("404").hasMessageContaining("PERMANENCE_TELEPHONY_AIRCALL_TOKEN");
    }

    @Test
    void twilioWithoutAuthTokenAnswersNotFoundSayingWhatToSet() {
        TwilioWebhook webhook = new TwilioWebhook(null, NO_SECRETS);

        assertThatThrownBy(() -> webhook.statusCallback(new MockHttpServletRequest("POST", "/webhooks/twilio/voice"), "forged"))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("404").hasMessageContaining("PERMANENCE_TELEPHONY_TWILIO_AUTH_TOKEN");
    }
}

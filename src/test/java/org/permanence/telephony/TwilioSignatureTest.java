package org.permanence.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.system.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/** Twilio's request signature, and reading a callback the way Twilio signed it. */
@Tag("unit")
class TwilioSignatureTest {

    /**
     * Twilio's own worked example ("Validating requests", twilio.com/docs/usage/security), which its
     * helper libraries test against too (twilio-java's RequestValidatorTest).
     */
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final String AUTH_TOKEN = "12345";
    private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    @Test
    void twilioDocumentedExampleGivesTheDocumentedSignature() {
        assertThat(TwilioSignature.of(AUTH_TOKEN, URL, documentedParameters())).isEqualTo(SIGNATURE);
        assertThat(TwilioSignature.matches(SIGNATURE, AUTH_TOKEN, URL, documentedParameters())).isTrue();
    }

    @Test
    void anyChangeToTokenUrlOrParametersBreaksTheSignature() {
        Map<String, String> changed = documentedParameters();
        changed.put("Digits", "1235");

        assertThat(TwilioSignature.matches(SIGNATURE, "12346", URL, documentedParameters())).isFalse();
        assertThat(TwilioSignature.matches(SIGNATURE, AUTH_TOKEN, URL.replace("https", "http"), documentedParameters())).isFalse();
        assertThat(TwilioSignature.matches(SIGNATURE, AUTH_TOKEN, URL, changed)).isFalse();
        assertThat(TwilioSignature.matches("NOT" + SIGNATURE, AUTH_TOKEN, URL, documentedParameters())).isFalse();
    }

    /** Twilio drops the port of an HTTPS callback, or keeps it: both forms of the configured URL are its signature. */
    @Test
    void aSignatureOfTheUrlWithOrWithoutItsStandardPortIsAccepted() {
        String withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
        String signedWithPort = TwilioSignature.of(AUTH_TOKEN, withPort, documentedParameters());

        assertThat(TwilioSignature.matches(SIGNATURE, AUTH_TOKEN, withPort, documentedParameters())).isTrue();
        assertThat(TwilioSignature.matches(signedWithPort, AUTH_TOKEN, URL, documentedParameters())).isTrue();
        String plainHttp = "http://mycompany.com/myapp.php";
        assertThat(TwilioSignature.matches(TwilioSignature.of(AUTH_TOKEN, "http://mycompany.com:80/myapp.php", documentedParameters()),
                AUTH_TOKEN, plainHttp, documentedParameters())).isTrue();
    }

    /** Only the standard port may vary: another port, host or scheme is another URL, and its signature is refused. */
    @Test
    void aSignatureOfAnotherPortHostOrSchemeIsStillRefused() {
        for (String other : List.of("https://mycompany.com:8443/myapp.php?foo=1&bar=2", "https://mycompany.com:80/myapp.php?foo=1&bar=2",
                "http://mycompany.com:443/myapp.php?foo=1&bar=2", "https://evil.example/myapp.php?foo=1&bar=2",
                "https://mycompany.com/myapp.php?foo=1&bar=3")) {
            assertThat(TwilioSignature.matches(TwilioSignature.of(AUTH_TOKEN, other, documentedParameters()), AUTH_TOKEN, URL,
                    documentedParameters())).as(other).isFalse();
        }
        assertThat(TwilioSignature.matches("RSOYDt4T1cUTdK1PDd93/VVr8B9=", AUTH_TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                documentedParameters())).isFalse();
    }

    /** The legacy query-string encoding: a space as %20 where the request has +, quotes and brackets left as they are. */
    @Test
    void aSignatureOfTheQueryStringInItsLegacyEncodingIsAccepted() {
        String asSent = "https://mycompany.com/myapp.php?office=Saint+%C3%89tienne&note=%27a%27+%28b%29";
        String legacy = "https://mycompany.com/myapp.php?office=Saint%20%C3%89tienne&note='a'%20(b)";

        assertThat(TwilioSignature.withLegacyQuery(asSent)).isEqualTo(legacy);
        assertThat(TwilioSignature.matches(TwilioSignature.of(AUTH_TOKEN, legacy, documentedParameters()), AUTH_TOKEN, asSent,
                documentedParameters())).isTrue();
        assertThat(TwilioSignature.matches(TwilioSignature.of(AUTH_TOKEN, legacy.replace("mycompany.com", "mycompany.com:443"),
                documentedParameters()), AUTH_TOKEN, asSent, documentedParameters())).isTrue();
        assertThat(TwilioSignature.matches(TwilioSignature.of(AUTH_TOKEN, legacy.replace("Saint", "Sainte"), documentedParameters()),
                AUTH_TOKEN, asSent, documentedParameters())).isFalse();
    }

    @Test
    void theSignedUrlIsThePublicAddressWhenOneIsConfigured() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/twilio/voice");
        request.setServerName("engine-1");
        request.setServerPort(8080);
        request.setQueryString("office=lyon");

        assertThat(TwilioWebhook.signedUrl("https://permanence.example.fr/", request))
                .isEqualTo("https://permanence.example.fr/webhooks/twilio/voice?office=lyon");
        assertThat(TwilioWebhook.signedUrl("", request)).isEqualTo("http://engine-1:8080/webhooks/twilio/voice?office=lyon");
    }

    @Test
    void parametersAreDecodedFromTheBodyAsSent() {
        byte[] body = "CallSid=CA1234567890ABCDE&From=%2B33+6+12+34+56+78&CallerName=&To=%2B18005551212".getBytes(StandardCharsets.UTF_8);

        assertThat(TwilioWebhook.formParameters(body)).containsExactly(Map.entry("CallSid", "CA1234567890ABCDE"),
                Map.entry("From", "+33 6 12 34 56 78"), Map.entry("CallerName", ""), Map.entry("To", "+18005551212"));
        assertThatThrownBy(() -> TwilioWebhook.formParameters("From=%2&To=1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThatThrownBy(() -> TwilioWebhook.formParameters("From=1&From=2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("From: is sent twice");
    }

    private static Map<String, String> documentedParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("CallSid", "CA1234567890ABCDE");
        parameters.put("Caller", "+14158675309");
        parameters.put("Digits", "1234");
        parameters.put("From", "+14158675309");
        parameters.put("To", "+18005551212");
        return parameters;
    }
}

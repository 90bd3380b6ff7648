package org.permanence.telephony;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature}: base64 of the HMAC-SHA1, keyed by the account's auth token,
 * of the full URL Twilio called followed by every POST parameter, sorted by name, as name and value
 * with nothing in between.
 */
final class TwilioSignature {

    private static final String HMAC_SHA1 = "HmacSHA1";

    private TwilioSignature() {
    }

    static String of(String authToken, String url, Map<String, String> parameters) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), HMAC_SHA1));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + HMAC_SHA1, e);
        }
    }

    /** In constant time, so the time taken tells a forger nothing about how close he came. */
    static boolean matches(String signature, String authToken, String url, Map<String, String> parameters) {
        return MessageDigest.isEqual(of(authToken, url, parameters).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}

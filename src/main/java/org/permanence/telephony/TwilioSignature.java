package org.permanence.telephony;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature}: base64 of the HMAC-SHA1, keyed by the account's auth token,
 * of the full URL Twilio called followed by every POST parameter, sorted by name, as name and value
 * with nothing in between. Twilio does not always sign the URL in the form it was configured with:
 * it drops the port of an HTTPS callback, may keep an explicit standard port, and older callbacks
 * encode the query string the legacy way. Like Twilio's own helper libraries, a signature is
 * accepted when it matches one of these forms of the same URL, and only those.
 */
final class TwilioSignature {

    private static final String HMAC_SHA1 = "HmacSHA1";
    /** Scheme, host, port when written, and the rest (path, query). */
    private static final Pattern URL_PARTS = Pattern.compile("(?i)(https?)://([^/:?#]+|\\[[^\\]]+\\])(?::(\\d+))?(.*)", Pattern.DOTALL);

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

    /**
     * Against every form of the URL, each compared in constant time, so the time taken tells a
     * forger nothing about how close he came.
     */
    static boolean matches(String signature, String authToken, String url, Map<String, String> parameters) {
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (String form : signedForms(url)) {
            matched |= MessageDigest.isEqual(of(authToken, form, parameters).getBytes(StandardCharsets.UTF_8), given);
        }
        return matched;
    }

    /**
     * The URL as given, without its scheme's standard port, with it, and each of these with the query
     * string in its legacy encoding. Only the port and the query's encoding vary: the scheme, host,
     * path and the query's content are what Twilio signed.
     */
    static Set<String> signedForms(String url) {
        Set<String> forms = new LinkedHashSet<>();
        for (String query : List.of(url, withLegacyQuery(url))) {
            forms.add(query);
            Matcher parts = URL_PARTS.matcher(query);
            if (!parts.matches()) {
                continue;
            }
            String standardPort = "https".equalsIgnoreCase(parts.group(1)) ? "443" : "80";
            String rest = parts.group(4);
            if (parts.group(3) == null) {
                forms.add(parts.group(1) + "://" + parts.group(2) + ":" + standardPort + rest);
            } else if (parts.group(3).equals(standardPort)) {
                forms.add(parts.group(1) + "://" + parts.group(2) + rest);
            }
        }
        return forms;
    }

    /**
     * The query string decoded and encoded again as the legacy libraries did (JavaScript's
     * {@code encodeURIComponent}: a space is {@code %20}, and {@code !'()*~} stay as they are).
     */
    static String withLegacyQuery(String url) {
        int question = url.indexOf('?');
        if (question < 0) {
            return url;
        }
        StringJoiner query = new StringJoiner("&");
        for (String pair : url.substring(question + 1).split("&", -1)) {
            int equals = pair.indexOf('=');
            try {
                query.add(equals < 0 ? legacy(URLDecoder.decode(pair, StandardCharsets.UTF_8))
                        : legacy(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8)) + "="
                                + legacy(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException notEncoded) {
                return url;
            }
        }
        return url.substring(0, question + 1) + query;
    }

    private static String legacy(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%21", "!").replace("%27", "'")
                .replace("%28", "(").replace("%29", ")").replace("%7E", "~");
    }
}

package org.permanence.people;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a node remembers credentials by: an HMAC-SHA256 of user and password under a key drawn at random for this
 * instance, never the password, so nothing in memory can be tried offline, nor matched against another node's.
 */
public final class CredentialFingerprints {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    public CredentialFingerprints() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    /** A NUL separates user and password: neither can hold one in a sign-in, so "a" + "b:c" and "a:b" + "c" differ. */
    public String of(String user, String password) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal((user + '\0' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}

package org.permanence.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Links sent by e-mail that do one thing, once, for a while: the token carries a link id, the action,
 * the expiry and the subject (an appointment id, a mail id…), signed together with HMAC-SHA256, so
 * none of them can be changed. Any feature may sign its own actions.
 *
 * <p>{@link #check} only looks (for a page asking "confirm?": mail scanners open links too);
 * {@link #use} spends the link, once, even when clicks race: the {@code used_link} primary key lets
 * one insert through. Every refused link is logged with what it was signed for.
 */
@Service
public class SignedLinks {

    private static final Logger log = LoggerFactory.getLogger(SignedLinks.class);
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder FROM_TEXT = Base64.getUrlDecoder();
    private static final char FIELD = '~';

    private final LinkKey key;
    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    SignedLinks(LinkKey key, JdbcClient jdbc) {
        this(key, jdbc, Clock.systemUTC());
    }

    SignedLinks(LinkKey key, JdbcClient jdbc, Clock clock) {
        this.key = key;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token, safe in a URL, allowing {@code action} on {@code subject} once until {@code expiresAt}. */
    public String sign(String subject, String action, Instant expiresAt) {
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("a link action is a lower-case word such as 'confirm', not '" + action + "'");
        }
        if (subject == null || subject.isEmpty() || subject.length() > 200) {
            throw new IllegalArgumentException("a link's subject is an id of 1 to 200 characters, not '" + subject + "'");
        }
        String payload = UUID.randomUUID() + "" + FIELD + action + FIELD + expiresAt.getEpochSecond() + FIELD + subject;
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return TEXT.encodeToString(bytes) + "." + TEXT.encodeToString(mac(bytes));
    }

    /** What the link is, for this action, without spending it. */
    public LinkCheck check(String token, String action) {
        LinkCheck check = verdict(token, action);
        if (!check.valid()) {
            refused(check, action);
        }
        return check;
    }

    /**
     * Spends the link when it is valid: the answer is {@link LinkOutcome#VALID} for exactly one use.
     * Inside a transaction, do nothing more after another outcome: on PostgreSQL a refused insert ends it.
     */
    public LinkCheck use(String token, String action) {
        LinkCheck check = verdict(token, action);
        if (check.valid()) {
            try {
                jdbc.sql("insert into used_link (link_id, action, subject, used_at) values (?, ?, ?, ?)")
                        .params(check.linkId(), check.action(), check.subject(), clock.instant().atOffset(ZoneOffset.UTC)).update();
                // the caller's transaction may still roll back (a slot taken meanwhile): the feature logs what was done
                log.debug("Link {} spent: {} {}", check.linkId(), check.action(), check.subject());
                return check;
            } catch (DuplicateKeyException clickedTwiceAtOnce) {
                check = check.as(LinkOutcome.USED);
            }
        }
        refused(check, action);
        return check;
    }

    private LinkCheck verdict(String token, String action) {
        LinkCheck signed = signed(token);
        if (signed.outcome() == LinkOutcome.TAMPERED) {
            return signed;
        }
        if (!signed.action().equals(action)) {
            return signed.as(LinkOutcome.WRONG_ACTION);
        }
        if (!clock.instant().isBefore(signed.expiresAt())) {
            return signed.as(LinkOutcome.EXPIRED);
        }
        boolean used = jdbc.sql("select count(*) from used_link where link_id = ?").param(signed.linkId())
                .query(Integer.class).single() > 0;
        return used ? signed.as(LinkOutcome.USED) : signed;
    }

    /** The fields of a token whose signature holds; {@link LinkOutcome#TAMPERED} for anything else. */
    private LinkCheck signed(String token) {
        if (token == null) {
            return LinkCheck.tampered();
        }
        int dot = token.indexOf('.');
        try {
            byte[] payload = FROM_TEXT.decode(token.substring(0, Math.max(dot, 0)));
            byte[] signature = FROM_TEXT.decode(token.substring(dot + 1));
            if (dot < 0 || !MessageDigest.isEqual(mac(payload), signature)) {
                return LinkCheck.tampered();
            }
            String[] fields = new String(payload, StandardCharsets.UTF_8).split(String.valueOf(FIELD), 4);
            return new LinkCheck(LinkOutcome.VALID, fields[0], fields[3], fields[1], Instant.ofEpochSecond(Long.parseLong(fields[2])));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException notOurs) {
            return LinkCheck.tampered();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static void refused(LinkCheck check, String action) {
        if (check.outcome() == LinkOutcome.TAMPERED) {
            log.warn("Refused a tampered link opened for action {}", action);
        } else {
            log.warn("Refused link {} opened for action {}: {} (signed for {} {}, expiring {})", check.linkId(), action,
                    check.outcome(), check.action(), check.subject(), check.expiresAt());
        }
    }
}

package org.permanence.documents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.permanence.links.LinkCheck;
import org.permanence.links.LinkProperties;
import org.permanence.links.SignedLinks;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.stereotype.Service;

/**
 * A client's upload link: signed ({@link SignedLinks}, action {@value #ACTION}, the client's id as
 * subject), so it names one client and nothing else, and expiring. Unlike the appointment links it
 * is not spent by a use: a client sends documents several times over the days the link lasts, each
 * upload checks it again; {@link #revoke} ends it sooner. The right it gives is only to add documents
 * to that client's intake: the page shows nothing of the client's documents.
 */
@Service
public class UploadLinks {

    static final String ACTION = "document-upload";
    static final String PATH = "/depot";

    /** The link to give the client, and when it stops working. */
    public record UploadLink(String clientId, String url, Instant expiresAt) {
    }

    private final SignedLinks links;
    private final LinkProperties site;
    private final UploadLinkProperties settings;
    private final Clock clock = Clock.systemUTC();

    UploadLinks(SignedLinks links, LinkProperties site, UploadLinkProperties settings) {
        this.links = links;
        this.site = site;
        this.settings = settings;
    }

    /** A new link for the client, valid {@code days} (null: the default validity). */
    public UploadLink create(String clientId, Integer days) {
        Duration validity = days == null ? settings.validity() : Duration.ofDays(days);
        if (validity.isNegative() || validity.isZero() || validity.compareTo(settings.maxValidity()) > 0) {
            throw new InvalidRequest(List.of(FieldProblem.of("validForDays", "uploadLink.days.range", "an upload link lasts 1 to "
                    + settings.maxValidity().toDays() + " days, not " + days, settings.maxValidity().toDays(), String.valueOf(days))));
        }
        Instant expiresAt = clock.instant().plus(validity);
        return new UploadLink(clientId, site.at(PATH + "?t=" + links.sign(clientId, ACTION, expiresAt)), expiresAt);
    }

    /** What the link is now, without spending it: valid for as many uploads as its time allows. */
    public LinkCheck check(String token) {
        return links.check(token, ACTION);
    }

    /** Ends the link before its expiry; false when it was not a valid upload link of this client. */
    public boolean revoke(String clientId, String token) {
        LinkCheck check = links.check(token, ACTION);
        return check.valid() && clientId.equals(check.subject()) && links.use(token, ACTION).valid();
    }
}

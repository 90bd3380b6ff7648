package org.permanence.documents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The links a client gets to send its documents without a login: valid {@code validity} unless the
 * person who makes one asks for another length, never longer than {@code maxValidity}.
 */
@ConfigurationProperties("permanence.documents.upload-link")
public record UploadLinkProperties(Duration validity, Duration maxValidity) {

    public UploadLinkProperties {
        if (validity.isNegative() || validity.isZero() || maxValidity.compareTo(validity) < 0) {
            throw new IllegalArgumentException("permanence.documents.upload-link: validity (" + validity
                    + ") must be positive and at most max-validity (" + maxValidity + ")");
        }
    }
}

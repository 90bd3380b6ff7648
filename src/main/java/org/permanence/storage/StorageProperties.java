package org.permanence.storage;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The S3 endpoint documents, letters and archived mails go to. With {@code embedded} the endpoint is
 * served in-process; otherwise it is a real MinIO or S3 and the secret must come from the environment.
 */
@ConfigurationProperties("permanence.storage")
public record StorageProperties(boolean embedded, URI endpoint, String bucket, String region,
                                String accessKey, String secretKey) {

    public StorageProperties {
        if (secretKey == null || secretKey.isBlank()) {
            if (!embedded) {
                throw new IllegalStateException("An external object store needs its secret key: set "
                        + "PERMANENCE_STORAGE_SECRET_KEY (permanence.storage.secret-key)");
            }
            // the in-process server and its only client share this run's random secret
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            secretKey = HexFormat.of().formatHex(random);
        }
    }
}

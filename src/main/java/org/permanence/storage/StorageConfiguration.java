package org.permanence.storage;

import java.io.IOException;

import io.minio.MinioClient;
import org.permanence.system.ObjectStorageUnavailable;
import org.permanence.system.PermanenceProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    @ConditionalOnProperty(name = "permanence.storage.embedded", havingValue = "true")
    EmbeddedObjectStore embeddedObjectStore(StorageProperties storage, PermanenceProperties permanence) throws IOException {
        return new EmbeddedObjectStore(storage, permanence);
    }

    @Bean
    ObjectStorage objectStorage(StorageProperties storage, ObjectProvider<EmbeddedObjectStore> embedded) {
        // the embedded server, when there is one, must be listening before the bucket is checked
        embedded.ifAvailable(server -> { });
        MinioClient minio = MinioClient.builder()
                .endpoint(storage.endpoint().toString())
                .region(storage.region())
                .credentials(storage.accessKey(), storage.secretKey())
                .build();
        ObjectStorage objects = new ObjectStorage(minio, storage.bucket());
        objects.ensureBucket();
        return objects;
    }

    @Bean
    HealthIndicator objectStorageHealthIndicator(ObjectStorage objects, StorageProperties storage) {
        return () -> {
            Health.Builder health = Health.unknown().withDetail("endpoint", storage.endpoint().toString())
                    .withDetail("bucket", objects.bucket()).withDetail("embedded", storage.embedded());
            try {
                return (objects.reachable() ? health.up() : health.down().withDetail("error", "bucket missing")).build();
            } catch (ObjectStorageUnavailable e) {
                return health.down(e).build();
            }
        };
    }
}

package org.permanence.storage;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.minio.MinioClient;
import org.permanence.system.ObjectStorageUnavailable;
import org.permanence.system.PermanenceProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
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
        // the embedded server, when there is one, starts beside the rest of the node; the client and the bucket follow it
        CompletableFuture<Void> serverStarted = Optional.ofNullable(embedded.getIfAvailable())
                .map(EmbeddedObjectStore::startInBackground).orElseGet(() -> CompletableFuture.completedFuture(null));
        return new ObjectStorage(() -> MinioClient.builder()
                .endpoint(storage.endpoint().toString())
                .region(storage.region())
                .credentials(storage.accessKey(), storage.secretKey())
                .build(), storage.bucket(), serverStarted);
    }

    /** A node whose storage cannot start does not start either, as before the server started in the background. */
    @Bean
    SmartInitializingSingleton objectStorageStarted(ObjectStorage objects) {
        return objects::awaitReady;
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

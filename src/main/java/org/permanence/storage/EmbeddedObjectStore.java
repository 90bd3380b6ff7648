package org.permanence.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.permanence.system.BackgroundThreads;
import org.permanence.system.PermanenceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The embedded default's S3 server: s3proxy over a folder of the data directory, so stored objects
 * survive a restart and the application speaks the same S3 API as it does to a real MinIO.
 */
public class EmbeddedObjectStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedObjectStore.class);

    private final StorageProperties storage;
    private final Path folder;
    private volatile S3Proxy server;

    public EmbeddedObjectStore(StorageProperties storage, PermanenceProperties permanence) throws IOException {
        this.storage = storage;
        this.folder = Files.createDirectories(permanence.dataDir().resolve("objects").toAbsolutePath());
    }

    /**
     * Builds and starts the server on a thread of its own: s3proxy's set-up (its blob store, Jetty) is about a
     * second of the node's start-up, spent beside the engine's instead of before it.
     */
    public CompletableFuture<Void> startInBackground() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        BackgroundThreads.named("embedded-s3-start").newThread(() -> {
            try {
                start();
                started.complete(null);
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }).start();
        return started;
    }

    /** Builds and starts the server; answers once it is listening. */
    public void start() throws Exception {
        URI endpoint = storage.endpoint();
        server = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(folder.toString()))
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, storage.accessKey(), storage.secretKey())
                .build();
        server.start();
        // Jetty may still be binding when start() returns
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(server.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Embedded S3 server did not start on " + endpoint + ": " + server.getState());
            }
            Thread.sleep(10);
        }
        log.info("Embedded S3 object store listening on port {}, keeping objects in {}", server.getPort(), folder);
    }

    @Override
    public void destroy() throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}

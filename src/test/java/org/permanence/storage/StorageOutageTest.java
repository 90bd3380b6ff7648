package org.permanence.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.minio.MinioClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.TestOffice;
import org.permanence.system.ObjectStorageUnavailable;
import org.permanence.system.PermanenceProperties;
import org.springframework.boot.actuate.health.Status;

/**
 * The object store goes away: a store while it is down, or one cut off half-way through the upload,
 * fails with {@link ObjectStorageUnavailable} (which the API answers 503 with a retry hint), health
 * shows it down, and no half of the file is left behind; once the store is back the same store works.
 */
@Tag("unit")
class StorageOutageTest {

    private static final String SECRET = "outage-Secret-1";

    private final Path folder = TestOffice.newDataDir();
    private final int port = TestOffice.freePort();
    private EmbeddedObjectStore server;

    @BeforeEach
    void storeUp() throws Exception {
        server = startServer();
    }

    @AfterEach
    void storeDown() throws Exception {
        server.destroy();
    }

    @Test
    void aStoreWhileTheServerIsDownFailsAsUnavailableAndHealthSaysSo() throws Exception {
        ObjectStorage objects = storage(port);
        server.destroy();

        assertThatThrownBy(() -> objects.put("outage/letter.pdf", new byte[1024], "application/pdf"))
                .isInstanceOf(ObjectStorageUnavailable.class).hasMessageContaining("unreachable");
        assertThat(new StorageConfiguration().objectStorageHealthIndicator(objects, properties(port)).health().getStatus())
                .isEqualTo(Status.DOWN);

        server = startServer();
        assertThat(objects.exists("outage/letter.pdf")).as("nothing stored while down").isFalse();
        objects.put("outage/letter.pdf", new byte[1024], "application/pdf");
        assertThat(objects.get("outage/letter.pdf")).hasValueSatisfying(content -> assertThat(content).hasSize(1024));
        assertThat(new StorageConfiguration().objectStorageHealthIndicator(objects, properties(port)).health().getStatus())
                .isEqualTo(Status.UP);
    }

    @Test
    void aStoreOnAServerStillStartingWaitsForItAndItsBucket() throws Exception {
        int starting = TestOffice.freePort();
        EmbeddedObjectStore later = new EmbeddedObjectStore(properties(starting), new PermanenceProperties(TestOffice.newDataDir()));
        try {
            ObjectStorage objects = new ObjectStorage(() -> client(starting), "permanence", later.startInBackground());
            // asked at once: the server is still being built, and its folder has no bucket yet
            objects.put("start/letter.pdf", new byte[512], "application/pdf");
            assertThat(objects.get("start/letter.pdf")).hasValueSatisfying(content -> assertThat(content).hasSize(512));
        } finally {
            later.destroy();
        }
    }

    @Test
    void aServerThatCannotStartFailsTheStartAndEveryStore() throws Exception {
        // the running server holds the port: the second one cannot listen
        EmbeddedObjectStore clash = new EmbeddedObjectStore(properties(port), new PermanenceProperties(TestOffice.newDataDir()));
        ObjectStorage objects = new ObjectStorage(() -> client(port), "permanence", clash.startInBackground());

        assertThatThrownBy(() -> new StorageConfiguration().objectStorageStarted(objects).afterSingletonsInstantiated())
                .isInstanceOf(CompletionException.class);
        assertThatThrownBy(() -> objects.put("start/letter.pdf", new byte[512], "application/pdf"))
                .isInstanceOf(ObjectStorageUnavailable.class).hasMessageContaining("did not start");
    }

    @Test
    void anUploadCutOffHalfWayLeavesNoHalfFile() throws Exception {
        storage(port);
        byte[] scan = new byte[2 * 1024 * 1024];
        Arrays.fill(scan, (byte) 7);
        try (CutOff link = new CutOff(port, 256 * 1024)) {
            // the link relays requests but never answers: nothing may be asked through it before the store
            ObjectStorage throughTheLink = new ObjectStorage(client(link.port()), "permanence");
            assertThatThrownBy(() -> throughTheLink.put("outage/scan.pdf", scan, "application/pdf"))
                    .isInstanceOf(ObjectStorageUnavailable.class);
        }
        assertThat(storage(port).exists("outage/scan.pdf")).as("half a file stored").isFalse();
    }

    private EmbeddedObjectStore startServer() throws Exception {
        EmbeddedObjectStore store = new EmbeddedObjectStore(properties(port), new PermanenceProperties(folder));
        store.start();
        return store;
    }

    private static StorageProperties properties(int port) {
        return new StorageProperties(true, URI.create("http://127.0.0.1:" + port), "permanence", "us-east-1", "permanence", SECRET);
    }

    /** Storage on a server that is up: its bucket is made at once, as a node's is. */
    private static ObjectStorage storage(int port) {
        return new ObjectStorage(() -> client(port), "permanence", CompletableFuture.completedFuture(null));
    }

    private static MinioClient client(int port) {
        return MinioClient.builder().endpoint("http://127.0.0.1:" + port).region("us-east-1").credentials("permanence", SECRET).build();
    }

    /** A link to the store that breaks after passing this many bytes of a request: a network cut mid-upload. */
    private static final class CutOff implements AutoCloseable {

        private final ServerSocket listener = new ServerSocket();
        private final Thread relay;

        CutOff(int storePort, int bytesBeforeTheCut) throws IOException {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            relay = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket client = listener.accept(); Socket store = new Socket("127.0.0.1", storePort)) {
                        InputStream in = client.getInputStream();
                        OutputStream out = store.getOutputStream();
                        byte[] buffer = new byte[8192];
                        int passed = 0;
                        for (int read; passed < bytesBeforeTheCut && (read = in.read(buffer)) > 0; passed += read) {
                            out.write(buffer, 0, read);
                        }
                    } catch (IOException cut) {
                        // the cut itself
                    }
                }
            });
            relay.setDaemon(true);
            relay.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}

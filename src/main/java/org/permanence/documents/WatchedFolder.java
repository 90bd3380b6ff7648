package org.permanence.documents;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.permanence.system.BackgroundThreads;
import org.permanence.system.EngineNode;
import org.permanence.system.InvalidRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The watched folder: a scanner or a shared drive drops files into {@code <inbox>/<client id>/};
 * every {@code inboxPoll} each file that has stopped growing is handed to the intake, then removed
 * (its original is in object storage). A file the intake refuses moves to {@code .refused/} beside
 * a note of the reason; a folder that is no client's is left alone and logged.
 */
@Component
@EngineNode
class WatchedFolder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WatchedFolder.class);
    /** A file still being copied in changes; one left alone this long is complete. */
    private static final Duration SETTLED = Duration.ofSeconds(2);

    private final DocumentIntake intake;
    private final DocumentProperties properties;
    private final ScheduledExecutorService polling = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("document-inbox"));

    WatchedFolder(DocumentIntake intake, DocumentProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWatching() throws IOException {
        Files.createDirectories(properties.inbox());
        long every = properties.inboxPoll().toMillis();
        polling.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        log.info("Watching {} for documents: one folder per client id", properties.inbox().toAbsolutePath());
    }

    void poll() {
        try (DirectoryStream<Path> clients = Files.newDirectoryStream(properties.inbox(), Files::isDirectory)) {
            for (Path client : clients) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(client, Files::isRegularFile)) {
                    for (Path file : files) {
                        if (!file.getFileName().toString().startsWith(".") && settled(file)) {
                            take(client.getFileName().toString(), file);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the next poll tries again; nothing was removed
            log.warn("Reading the document inbox {} failed: {}", properties.inbox().toAbsolutePath(), e.toString());
        }
    }

    private void take(String clientId, Path file) throws IOException {
        try {
            DocumentIntake.Receipt receipt = intake.receive(clientId, file.getFileName().toString(), Files.readAllBytes(file),
                    DocumentIntake.Source.FOLDER, "folder");
            log.info("Document {} from the inbox of client {} received as {}{}", file.getFileName(), clientId, receipt.documentId(),
                    receipt.copy() ? " (a copy)" : "");
            Files.delete(file);
        } catch (InvalidRequest refused) {
            Path aside = Files.createDirectories(file.resolveSibling(".refused"));
            Files.move(file, aside.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(aside.resolve(file.getFileName() + ".reason.txt"), refused.getMessage());
            log.warn("Document {} in the inbox of {} refused: {}", file.getFileName(), clientId, refused.getMessage());
        }
    }

    private static boolean settled(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(SETTLED));
    }

    @Override
    public void destroy() {
        polling.shutdownNow();
    }
}

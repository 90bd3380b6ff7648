package org.permanence.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.permanence.documents.DocumentReader;
import org.permanence.system.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the OCR cache of this node, whatever its role, from outliving the documents it was read from. The cache
 * is on each reading node's own disk, which the purge and an erasure (on an engine node) cannot reach; they
 * note the content hash of every document they remove in {@code ocr_forgotten}, and every node, at its start
 * and then every {@code purge-every}, removes the texts cached under those hashes. A text older than the
 * longest documents retention goes too, and so does a note: by then every text it could name is gone by age,
 * so a node that was down longer than that misses nothing.
 */
@Component
public class OcrCachePruning implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OcrCachePruning.class);

    private final JdbcClient jdbc;
    private final Retention retention;
    private final DocumentReader reader;
    private final PrivacyProperties properties;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("ocr-cache-pruning"));

    OcrCachePruning(JdbcClient jdbc, Retention retention, DocumentReader reader, PrivacyProperties properties) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.reader = reader;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (properties.purge()) {
            rounds.scheduleWithFixedDelay(this::pruneQuietly, 0, properties.purgeEvery().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void pruneQuietly() {
        try {
            prune(reader, Clock.systemUTC());
        } catch (RuntimeException e) {
            // the database is down: the texts stay until the next round
            log.warn("Pruning the OCR cache failed; it runs again in {}: {}", properties.purgeEvery(), e.toString());
        }
    }

    /** Removes the texts read from this file on this node now, and notes its hash for every other reading node. */
    public int forget(String contentHash) {
        Timestamp now = Timestamp.from(Instant.now());
        if (jdbc.sql("update ocr_forgotten set forgotten_at = ? where content_hash = ?").params(now, contentHash).update() == 0) {
            try {
                jdbc.sql("insert into ocr_forgotten (content_hash, forgotten_at) values (?, ?)").params(contentHash, now).update();
            } catch (DuplicateKeyException anotherRoundFirst) {
                // noted already, a moment ago
            }
        }
        return reader.forgetTexts(contentHash);
    }

    /** One round on the cache of {@code reader} as if it were {@code clock}'s now; answers how many texts went. */
    int prune(DocumentReader reader, Clock clock) {
        Instant oldest = clock.instant().minus(Duration.ofDays(retention.longest(RecordKind.DOCUMENTS)));
        jdbc.sql("delete from ocr_forgotten where forgotten_at < ?").param(Timestamp.from(oldest)).update();
        Set<String> forgotten = new HashSet<>(jdbc.sql("select content_hash from ocr_forgotten").query(String.class).list());
        int removed = reader.pruneTexts(forgotten, oldest);
        if (removed > 0) {
            log.info("OCR cache: {} texts of removed or expired documents forgotten", removed);
        }
        return removed;
    }

    @Override
    public void destroy() {
        rounds.shutdownNow();
    }
}

package org.permanence.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.permanence.documents.LabelledFiles.LabelledFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;

/** Reads labelled files side by side, one per core: OCR keeps a core busy for a second a page. */
final class ReadDocuments {

    /**
     * A file as read, with how long reading it took by the clock ({@code nanos}) and on the CPU
     * ({@code cpuNanos}): on a machine other work shares, only the second says what the code costs.
     */
    record ReadFile(LabelledFile file, Reading reading, long nanos, long cpuNanos) {
    }

    private ReadDocuments() {
    }

    /** Outside the application nothing configures logging: keeps the offline commands' reports readable. */
    static void quietLogging() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.pdfbox")).setLevel(Level.ERROR);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.fontbox")).setLevel(Level.ERROR);
    }

    static List<ReadFile> read(DocumentReader reader, List<LabelledFile> files) {
        ExecutorService cores = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<ReadFile>> reads = files.stream().map(file -> cores.submit(() -> {
                byte[] content = bytes(file);
                long start = System.nanoTime();
                long cpuStart = cpuNanos();
                Reading reading = reader.read(content);
                return new ReadFile(file, reading, System.nanoTime() - start, cpuNanos() - cpuStart);
            })).toList();
            return reads.stream().map(ReadDocuments::await).toList();
        } finally {
            cores.shutdownNow();
        }
    }

    /** CPU time this thread has used (Tesseract runs in a process of its own: its time is not counted here). */
    static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static List<TrainingExample> examples(List<ReadFile> read) {
        return read.stream().filter(r -> r.reading().isRead())
                .map(r -> new TrainingExample(r.reading().text(), r.file().label())).toList();
    }

    private static byte[] bytes(LabelledFile file) {
        try {
            return Files.readAllBytes(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path(), e);
        }
    }

    private static ReadFile await(Future<ReadFile> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading documents", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}

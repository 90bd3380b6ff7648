package org.permanence.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.permanence.TestOffice;

/**
 * A PostgreSQL server of the test's own, in a temporary folder on a free port, made with the
 * machine's {@code initdb} and {@code pg_ctl}: a test may crash and restart it without touching the
 * shared server other tests use. PostgreSQL refuses to run as root, so under root it runs as the
 * {@code postgres} system user.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path folder;
    private final int port;

    private PrivatePostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    /** The newest installed server's programs, if any (Debian keeps them under /usr/lib/postgresql/N/bin). */
    public static Optional<Path> binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString())));
        } catch (IOException | NumberFormatException none) {
            return Optional.empty();
        }
    }

    public static PrivatePostgres start() throws Exception {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("No PostgreSQL server programs under /usr/lib/postgresql"));
        Path folder = Files.createTempDirectory("permanence-pg-");
        PrivatePostgres server = new PrivatePostgres(bin, folder, TestOffice.freePort());
        if (asRoot()) {
            run(List.of("chown", "-R", "postgres", folder.toString()));
        }
        server.pg("initdb", "-D", server.data(), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
        server.startServer();
        return server;
    }

    public String serverUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    /** Stops the server the way a crash does (no checkpoint: it recovers from its log), then starts it again after the pause. */
    public void crashAndRestart(long pauseMillis) throws Exception {
        pg("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
        Thread.sleep(pauseMillis);
        startServer();
    }

    private void startServer() throws Exception {
        pg("pg_ctl", "-D", data(), "-l", folder.resolve("server.log").toString(), "-w", "-o",
                "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c max_connections=100", "start");
    }

    private String data() {
        return folder.resolve("data").toString();
    }

    private void pg(String program, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(Arrays.asList(arguments));
        run(command);
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public void close() throws Exception {
        try {
            pg("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
        } finally {
            run(List.of("rm", "-rf", folder.toString()));
        }
    }
}

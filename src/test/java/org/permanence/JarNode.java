package org.permanence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built jar started as its own operating-system process, the way an operator runs it: for tests
 * that kill a node or run several nodes side by side. Its output goes to target/it-logs/.
 */
public final class JarNode implements AutoCloseable {

    private static final Path BUILT_JAR = Path.of("target", "permanence.jar");
    /**
     * The jar to run, if not the built one: the start-up benchmark also runs the jar extracted as the Docker
     * image runs it (docs/decisions/0014).
     */
    public static final String JAR_PROPERTY = "permanence.test.node-jar";
    /** Database settings of the build (see the postgres profile) are handed on to the nodes. */
    private static final List<String> PASSED_ON = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password");
    /**
     * The node's JVM: the quick-start compiler only, since a test waits on start-up far more than on
     * steady speed. A benchmark sets {@value #JVM_OPTIONS_PROPERTY} (space-separated) to run its nodes
     * with the full JIT, as a production node runs.
     */
    public static final String JVM_OPTIONS_PROPERTY = "permanence.test.node-jvm-options";
    private static final String TEST_JVM_OPTIONS = "-Xmx512m -XX:TieredStopAtLevel=1";

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private JarNode(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with these settings and waits until its health endpoint answers UP. */
    public static JarNode start(String name, Map<String, Object> properties, String... profiles) {
        return start(name, properties, Duration.ofSeconds(120), profiles);
    }

    /** The same, for a node that may first wait its turn behind others starting on the same database. */
    public static JarNode start(String name, Map<String, Object> properties, Duration patience, String... profiles) {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, BUILT_JAR.toString()));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run in `mvn verify`, after `package`");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // blank: the JVM's own defaults, as `java -jar` on a production machine
        List.of(System.getProperty(JVM_OPTIONS_PROPERTY, TEST_JVM_OPTIONS).trim().split(" +")).stream()
                .filter(option -> !option.isBlank()).forEach(command::add);
        command.addAll(List.of("-jar", jar.toString()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        if (profiles.length > 0) {
            command.add("--spring.profiles.active=" + String.join(",", profiles));
        }
        for (String key : PASSED_ON) {
            // a test with a database of its own (a cluster's, a private server's) says so in its properties
            if (System.getProperty(key) != null && !properties.containsKey(key)) {
                command.add("--" + key + "=" + System.getProperty(key));
            }
        }
        try {
            Path log = Files.createDirectories(Path.of("target", "it-logs")).resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            JarNode node = new JarNode(name, process, (Integer) properties.get("server.port"), log);
            node.awaitHealthy(patience);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Ends the process the way a crash or an OOM killer would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The operating system's id of the node's process (to read what it costs from /proc). */
    public long pid() {
        return process.pid();
    }

    /** The CPU the node's process has used so far, all its threads (a benchmark's cost per call). */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * CPU the JVM's just-in-time compiler threads ({@code C1/C2 CompilerThread}) have used so far, from
     * {@code /proc/<pid>/task} (Linux; zero elsewhere). Compiling goes on for minutes after start whatever the node
     * does, so it is time the node ran rather than work a request caused. A compiler thread the JVM ends takes its
     * CPU with it, so this is a lower bound.
     */
    public Duration compilerCpuTime() {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        long ticks = 0;
        try (var threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).matches("C\\d CompilerThre.*\\s*")) {
                        String stat = Files.readString(thread.resolve("stat"));
                        // fields after the command's closing parenthesis: state is field 3, utime 14, stime 15
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException gone) {
                    // the thread ended while listed
                }
            }
        } catch (IOException notLinux) {
            return Duration.ZERO;
        }
        // USER_HZ, 100 on every Linux this runs on
        return Duration.ofMillis(ticks * 10);
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitHealthy(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath()
                        + "\n" + tail());
            }
            try {
                if (TestOffice.call("GET", baseUrl() + "/actuator/health", null, null, null).body().startsWith("{\"status\":\"UP\"")) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // the port opens late in start-up
            }
            sleep();
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " was not healthy within " + patience + "\n" + tail());
    }

    private String tail() {
        String text = logText();
        return text.substring(Math.max(0, text.length() - 4000));
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

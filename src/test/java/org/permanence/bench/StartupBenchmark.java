package org.permanence.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.permanence.JarNode;
import org.permanence.TestOffice;

/**
 * Not a test: a benchmark. Starts the all-in-one jar on its embedded defaults, the way an office runs
 * it ({@code java -jar}, the JVM's own defaults unless {@code -Dbench.node-jvm-options} says otherwise),
 * and prints how long it took from the process' start to {@code /actuator/health} answering UP, and
 * the node's resident memory once it is up and has settled. The first start on a new data folder
 * creates the schema and the demo office; the restarts after it are what an office sees every morning.
 * Then the same again as the Docker image starts it (docs/decisions/0014): the jar extracted, with a class data
 * sharing archive made by a training start; {@code -Dbench.cds=false} leaves that out.
 * Time is measured by polling health every 250 ms, so each figure may be up to 250 ms late. The CPU the node's
 * process used until then is printed too, and the load average before and after: on a machine shared with other
 * work, the time to healthy says as much about the others as about the start.
 */
class StartupBenchmark {

    private static final Path EXTRACTED_JAR = Path.of("target", "bench-cds", "permanence.jar");

    private final int restartCount = Integer.getInteger("bench.restarts", 3);
    private final long settleMillis = Long.getLong("bench.settle-ms", 10_000);

    @Test
    void startUpToHealthyAndResidentMemory() throws Exception {
        String jvmOptions = System.getProperty("bench.node-jvm-options", "");
        String loadBefore = loadAverage();
        Starts jar = starts(jvmOptions);
        System.out.printf(Locale.ROOT, "as java -jar: %s%n", jar);
        String lastLine = String.format(Locale.ROOT, "startup_to_healthy_ms=%d rss_mb=%d", jar.medianRestart(), jar.medianResident());
        if (Boolean.parseBoolean(System.getProperty("bench.cds", "true"))) {
            Path archive = classesArchive();
            System.setProperty(JarNode.JAR_PROPERTY, EXTRACTED_JAR.toString());
            try {
                Starts image = starts(("-XX:SharedArchiveFile=" + archive + " " + jvmOptions).trim());
                System.out.printf(Locale.ROOT, "as the image starts it (extracted, CDS archive): %s%n", image);
                lastLine += String.format(Locale.ROOT, " image_startup_to_healthy_ms=%d image_rss_mb=%d", image.medianRestart(),
                        image.medianResident());
            } finally {
                System.clearProperty(JarNode.JAR_PROPERTY);
            }
        }
        System.out.printf(Locale.ROOT, "loadavg_before='%s' loadavg_after='%s'%n", loadBefore, loadAverage());
        System.out.println(lastLine);
    }

    /** A first start on a new data folder, then the restarts on it, with these JVM options. */
    private Starts starts(String jvmOptions) throws Exception {
        System.setProperty(JarNode.JVM_OPTIONS_PROPERTY, jvmOptions);
        Map<String, Object> settings = TestOffice.nodeProperties(TestOffice.newDataDir());
        long first = startedMillis(settings, false).millis();
        List<Start> restarts = new ArrayList<>();
        for (int i = 0; i < restartCount; i++) {
            restarts.add(startedMillis(settings, true));
        }
        return new Starts(jvmOptions, first, restarts);
    }

    /**
     * The jar extracted and its classes archived from a start that stops once the application is ready, as
     * docker/Dockerfile does when the image is built (Spring Boot's documented way to use the JVM's class data
     * sharing); the training start has a throwaway data folder of its own.
     */
    private static Path classesArchive() throws Exception {
        Path folder = EXTRACTED_JAR.getParent();
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(List.of(java, "-Djarmode=tools", "-jar", "target/permanence.jar", "extract", "--destination", folder.toString()));
        Path archive = folder.resolve("permanence.jsa");
        List<String> training = new ArrayList<>(List.of(java, "-XX:ArchiveClassesAtExit=" + archive,
                "-Dspring.context.exit=onRefresh", "-jar", EXTRACTED_JAR.toString()));
        TestOffice.nodeProperties(TestOffice.newDataDir()).forEach((key, value) -> training.add("--" + key + "=" + value));
        run(training);
        return archive;
    }

    private static void run(List<String> command) throws Exception {
        Path log = Files.createDirectories(Path.of("target", "it-logs")).resolve("bench-startup-cds.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    private Start startedMillis(Map<String, Object> settings, boolean measureMemory) throws Exception {
        long started = System.nanoTime();
        try (JarNode node = JarNode.start("bench-startup", settings)) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            long cpuMillis = node.cpuTime().toMillis();
            if (!measureMemory) {
                return new Start(millis, cpuMillis, 0);
            }
            Thread.sleep(settleMillis);
            return new Start(millis, cpuMillis, residentMegabytes(node.pid()));
        }
    }

    /** VmRSS of the process, from Linux's /proc. */
    private static long residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private record Start(long millis, long cpuMillis, long residentMegabytes) {
    }

    private record Starts(String jvmOptions, long firstMillis, List<Start> restarts) {

        long medianRestart() {
            return median(restarts.stream().map(Start::millis).toList());
        }

        long medianResident() {
            return median(restarts.stream().map(Start::residentMegabytes).toList());
        }

        private static long median(List<Long> values) {
            List<Long> sorted = values.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "cores=%d jvm_options='%s' first_start_ms=%d restarts_ms=%s restarts_cpu_ms=%s "
                    + "resident_mb=%s median_restart_ms=%d median_rss_mb=%d", Runtime.getRuntime().availableProcessors(), jvmOptions,
                    firstMillis, restarts.stream().map(Start::millis).toList(), restarts.stream().map(Start::cpuMillis).toList(),
                    restarts.stream().map(Start::residentMegabytes).toList(), medianRestart(), medianResident());
        }
    }
}

package org.permanence.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.permanence.JarNode;
import org.permanence.TestOffice;

/**
 * Not a test: a benchmark. Starts the all-in-one jar on its embedded defaults, the way an office runs
 * it ({@code java -jar}, the JVM's own defaults unless {@code -Dbench.node-jvm-options} says otherwise),
 * and prints how long it took from the process' start to {@code /actuator/health} answering UP, and
 * the node's resident memory once it is up and has settled. The first start on a new data folder
 * creates the schema and the demo office; the restarts after it are what an office sees every morning.
 * Time is measured by polling health every 250 ms, so each figure may be up to 250 ms late. The CPU the node's
 * process used until then is printed too, and the load average before and after: on a machine shared with other
 * work, the time to healthy says as much about the others as about the start.
 */
class StartupBenchmark {

    private final int restarts = Integer.getInteger("bench.restarts", 3);
    private final long settleMillis = Long.getLong("bench.settle-ms", 10_000);

    @Test
    void startUpToHealthyAndResidentMemory() throws Exception {
        System.setProperty(JarNode.JVM_OPTIONS_PROPERTY, System.getProperty("bench.node-jvm-options", ""));
        String loadBefore = loadAverage();
        Path dataDir = TestOffice.newDataDir();
        Map<String, Object> settings = TestOffice.nodeProperties(dataDir);
        long first = startedMillis(settings, false).millis();
        List<Long> restartMillis = new ArrayList<>();
        List<Long> restartCpuMillis = new ArrayList<>();
        List<Long> residentMegabytes = new ArrayList<>();
        for (int i = 0; i < restarts; i++) {
            Start start = startedMillis(settings, true);
            restartMillis.add(start.millis());
            restartCpuMillis.add(start.cpuMillis());
            residentMegabytes.add(start.residentMegabytes());
        }
        System.out.printf(Locale.ROOT, "restarts_cpu_ms=%s loadavg_before='%s' loadavg_after='%s'%n", restartCpuMillis, loadBefore,
                loadAverage());
        Collections.sort(restartMillis);
        Collections.sort(residentMegabytes);
        long medianRestart = restartMillis.get(restartMillis.size() / 2);
        long medianResident = residentMegabytes.get(residentMegabytes.size() / 2);
        System.out.printf(Locale.ROOT, "cores=%d jvm_options='%s' first_start_ms=%d restarts_ms=%s resident_mb=%s (after %d ms settled)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty(JarNode.JVM_OPTIONS_PROPERTY), first,
                restartMillis, residentMegabytes, settleMillis);
        System.out.printf(Locale.ROOT, "startup_to_healthy_ms=%d rss_mb=%d%n", medianRestart, medianResident);
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
}

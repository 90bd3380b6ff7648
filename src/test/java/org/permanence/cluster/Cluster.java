package org.permanence.cluster;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.util.GreenMail;
import org.permanence.JarNode;
import org.permanence.TestMail;
import org.permanence.TestOffice;
import org.permanence.storage.EmbeddedObjectStore;
import org.permanence.storage.StorageProperties;
import org.permanence.system.PermanenceProperties;

/**
 * docker/compose.yaml without containers: engine nodes and worker nodes of the built jar on loopback
 * ports, all on one PostgreSQL database, one SMTP relay and one S3 store in the test's own process
 * (they must outlive the nodes a test kills), the workers reaching the engines through a load
 * balancer. Every node starts at the same moment, on an empty database the first time. Engine nodes
 * load the demo office.
 */
public final class Cluster implements AutoCloseable {

    private static final String STORAGE_SECRET = "cluster-Secret-1";
    /** Engine nodes start one after the other (see OneNodeSetsUpAtATime): the last waits for all the others. */
    static final Duration START_PATIENCE = Duration.ofMinutes(5);

    private final GreenMail relay;
    private final EmbeddedObjectStore storage;
    private final LoadBalancer balancer;
    private final List<Map<String, Object>> engineSettings = new ArrayList<>();
    private final List<Map<String, Object>> workerSettings = new ArrayList<>();
    private final List<JarNode> engines = new ArrayList<>();
    private final List<JarNode> workers = new ArrayList<>();
    private final List<JarNode> restarted = new ArrayList<>();
    private final EngineNodes engineNodes;

    private Cluster(ScratchDatabase database, int engineCount, int workerCount) throws Exception {
        int relayPort = TestOffice.freePort();
        relay = TestMail.relay(relayPort);
        URI storageEndpoint = URI.create("http://127.0.0.1:" + TestOffice.freePort());
        storage = new EmbeddedObjectStore(new StorageProperties(true, storageEndpoint, "permanence", "us-east-1", "permanence",
                STORAGE_SECRET), new PermanenceProperties(TestOffice.newDataDir()));
        storage.start();
        Map<String, Object> shared = new HashMap<>(database.nodeSettings());
        shared.put("permanence.storage.embedded", false);
        shared.put("permanence.storage.endpoint", storageEndpoint);
        shared.put("permanence.storage.secret-key", STORAGE_SECRET);
        shared.put("spring.mail.port", relayPort);

        List<Integer> enginePorts = new ArrayList<>();
        List<String> engineUrls = new ArrayList<>();
        for (int i = 1; i <= engineCount; i++) {
            Map<String, Object> settings = TestOffice.nodeProperties(TestOffice.newDataDir());
            settings.putAll(shared);
            settings.put("permanence.mail.embedded", false);
            settings.put("camunda.bpm.generic-properties.properties.hostname", "engine-" + i);
            engineSettings.add(settings);
            enginePorts.add((Integer) settings.get("server.port"));
            engineUrls.add("http://127.0.0.1:" + settings.get("server.port"));
        }
        engineNodes = new EngineNodes(engineUrls);
        balancer = new LoadBalancer(enginePorts);

        Map<String, Map<String, Object>> engineNodeSettings = new LinkedHashMap<>();
        for (int i = 1; i <= engineCount; i++) {
            engineNodeSettings.put("cluster-engine-" + i, engineSettings.get(i - 1));
        }
        Map<String, Map<String, Object>> workerNodeSettings = new LinkedHashMap<>();
        for (int i = 1; i <= workerCount; i++) {
            Map<String, Object> settings = new HashMap<>(shared);
            settings.put("server.port", TestOffice.freePort());
            Path dataDir = TestOffice.newDataDir();
            settings.put("permanence.data-dir", dataDir.toString());
            settings.put("permanence.engine.rest-url", balancer.baseUrl() + "/engine-rest");
            settings.put("permanence.people.worker-password", TestOffice.WORKER_PASSWORD);
            settings.put("camunda.bpm.client.worker-id", "worker-" + i);
            workerSettings.add(settings);
            workerNodeSettings.put("cluster-worker-" + i, settings);
        }
        // the engine nodes start together, racing for the empty schema as a real cluster's first start does;
        // the workers only need an engine to talk to, so they follow, which keeps four JVMs from starting at
        // once on a 2-core machine (under a load of 20 an engine node once missed its five minutes)
        startAll(engineNodeSettings, "engine", engines);
        startAll(workerNodeSettings, "worker", workers);
    }

    private void startAll(Map<String, Map<String, Object>> nodes, String profile, List<JarNode> started) throws Exception {
        List<CompletableFuture<JarNode>> starting = new ArrayList<>();
        nodes.forEach((name, settings) -> starting.add(CompletableFuture.supplyAsync(() ->
                JarNode.start(name, settings, START_PATIENCE, profile))));
        RuntimeException failed = null;
        for (CompletableFuture<JarNode> node : starting) {
            try {
                started.add(node.join());
            } catch (RuntimeException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            close();
            throw failed;
        }
    }

    public static Cluster start(ScratchDatabase database, int engineCount, int workerCount) throws Exception {
        return new Cluster(database, engineCount, workerCount);
    }

    /** The engine nodes as a provider or a browser reaches them, each request failing over to the next node. */
    public EngineNodes engineNodes() {
        return engineNodes;
    }

    /** The REST API through the load balancer, as the worker nodes reach it. */
    public String balancedRestUrl() {
        return balancer.baseUrl() + "/engine-rest";
    }

    public JarNode engine(int number) {
        return engines.get(number - 1);
    }

    public JarNode worker(int number) {
        return workers.get(number - 1);
    }

    /** Starts engine node {@code number} again, on its port and settings, after it was killed. */
    public void restartEngine(int number) {
        restarted.add(JarNode.start("cluster-engine-" + number + "-again", engineSettings.get(number - 1), START_PATIENCE, "engine"));
    }

    /** Starts worker node {@code number} again, on its settings, after it was killed. */
    public void restartWorker(int number) {
        restarted.add(JarNode.start("cluster-worker-" + number + "-again", workerSettings.get(number - 1), START_PATIENCE, "worker"));
    }

    public GreenMail relay() {
        return relay;
    }

    /** Stops every node together (a clean shutdown each), then the relay and the store: before the database is dropped. */
    @Override
    public void close() throws Exception {
        List<JarNode> all = new ArrayList<>(engines);
        all.addAll(workers);
        all.addAll(restarted);
        all.stream().map(node -> CompletableFuture.runAsync(() -> {
            try {
                node.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).toList().forEach(CompletableFuture::join);
        try {
            balancer.close();
            relay.stop();
        } finally {
            storage.destroy();
        }
    }
}

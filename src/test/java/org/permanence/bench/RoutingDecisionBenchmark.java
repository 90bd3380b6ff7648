package org.permanence.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.Test;
import org.permanence.engine.LeanDecisions;

/**
 * Not a test: a benchmark of the routing table alone. Two in-memory engines in this JVM, one with the office's
 * {@link LeanDecisions}, one with Camunda's defaults, each running a call's last steps: a call waits with the
 * variables a real call has when the secretary has handled it (the appointment types as JSON, as the worker
 * writes them), then is signalled on through the business rule task calling {@code call-routing.dmn}, in a new
 * transaction, its variables read back from the database as on a node. Prints the CPU time of that step a call
 * on each engine, and of the decision's evaluation within it (timed around the engine's DMN engine), rounds
 * alternating between the engines so that the machine's load falls on both alike.
 * Tomcat's class loader, which made each JSON variable's class lookup dear on the nodes, is not here: a copy
 * avoided costs less here than on a node. {@code mvn -Pbench verify -Dit.test=RoutingDecisionBenchmark}
 */
class RoutingDecisionBenchmark {

    private final int calls = Integer.getInteger("bench.calls", 500);
    private final int rounds = Integer.getInteger("bench.rounds", 6);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final AtomicLong DECISION_NANOS = new AtomicLong();

    @Test
    void routingACall() {
        ProcessEngine defaults = engine("routing-bench-defaults", List.of());
        ProcessEngine lean = engine("routing-bench-lean", List.of(new LeanDecisions()));
        try {
            route(defaults, calls);
            route(lean, calls);
            long[] defaultsNanos = new long[2];
            long[] leanNanos = new long[2];
            for (int round = 0; round < rounds; round++) {
                add(defaultsNanos, route(defaults, calls));
                add(leanNanos, route(lean, calls));
            }
            int routed = rounds * calls;
            System.out.printf(Locale.ROOT, "%d calls a round, %d rounds after one warm-up round; CPU ms a call: the step through the"
                    + " routing table (signal to end, with its database work), of which the decision's evaluation%n", calls, rounds);
            System.out.printf(Locale.ROOT, "step_defaults_ms=%.3f step_lean_ms=%.3f decision_defaults_ms=%.3f decision_lean_ms=%.3f"
                            + " decision_saved_ms=%.3f decision_ratio=%.2f%n", defaultsNanos[0] / 1e6 / routed, leanNanos[0] / 1e6 / routed,
                    defaultsNanos[1] / 1e6 / routed, leanNanos[1] / 1e6 / routed, (defaultsNanos[1] - leanNanos[1]) / 1e6 / routed,
                    (double) defaultsNanos[1] / leanNanos[1]);
        } finally {
            defaults.close();
            lean.close();
        }
    }

    private static void add(long[] sums, long[] nanos) {
        sums[0] += nanos[0];
        sums[1] += nanos[1];
    }

    /** Brings {@code calls} calls to the routing step: the CPU nanoseconds of their routing step, and of their decisions. */
    private static long[] route(ProcessEngine engine, int calls) {
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            ProcessInstance call = engine.getRuntimeService().startProcessInstanceByKey("routing-bench", handledCall(i));
            waiting.add(engine.getRuntimeService().createExecutionQuery().processInstanceId(call.getId()).activityId("Recorded")
                    .singleResult().getId());
        }
        DECISION_NANOS.set(0);
        long start = CPU.getCurrentThreadCpuTime();
        waiting.forEach(execution -> engine.getRuntimeService().signal(execution));
        return new long[] {CPU.getCurrentThreadCpuTime() - start, DECISION_NANOS.get()};
    }

    /** The variables of a call when the secretary has handled it, as in call-intake.bpmn before its routing. */
    private static VariableMap handledCall(int i) {
        List<Map<String, String>> appointmentTypes = List.of(Map.of("label", "Consultation (30 min)", "value", "consultation"),
                Map.of("label", "Visite à domicile (45 min)", "value", "home-visit"), Map.of("label", "Téléconsultation (15 min)", "value", "video"));
        return Variables.createVariables().putValue("dialledNumber", "+33145678910").putValue("callerNumber", "+3361234567" + (i % 10))
                .putValue("rangAt", new Date()).putValue("lineKnown", true).putValue("clientId", "cabinet-martin")
                .putValue("clientName", "Cabinet du Dr Martin").putValue("briefingGreeting", "Cabinet du Dr Martin, bonjour")
                .putValue("briefingUrgentWhen", "Douleur thoracique, difficulté à respirer").putValue("briefingPutThrough", "Jamais")
                .putValue("clientAvailability", "Au cabinet").putValue("appointmentTypeOptions",
                        Variables.objectValue(appointmentTypes).serializationDataFormat(Variables.SerializationDataFormats.JSON).create())
                .putValue("clientMessageDelivery", "DAILY_SUMMARY").putValue("urgentConfirmWithin", "PT15M")
                .putValue("urgentConfirmDue", new Date()).putValue("callBackDue", new Date())
                .putValue("callerHistory", "Premier appel de ce numéro.").putValue("callerName", "M. Dupont").putValue("callerNoShows", 0)
                .putValue("reason", "Renouvellement d'ordonnance").putValue("category", "message").putValue("mood", i % 2 == 0 ? "calm" : "angry");
    }

    private static ProcessEngine engine(String name, List<ProcessEnginePlugin> plugins) {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("full");
        List<ProcessEnginePlugin> all = new ArrayList<>(plugins);
        all.add(new SpinProcessEnginePlugin());
        configuration.setProcessEnginePlugins(all);
        ProcessEngine engine = configuration.buildProcessEngine();
        configuration.setDmnEngine(timed(configuration.getDmnEngine()));
        BpmnModelInstance lastSteps = Bpmn.createExecutableProcess("routing-bench").camundaHistoryTimeToLive(1).startEvent()
                .receiveTask("Recorded").businessRuleTask("RouteCall").camundaDecisionRef("call-routing")
                .camundaDecisionRefBinding("deployment").camundaResultVariable("action").camundaMapDecisionResult("singleEntry")
                .endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("routing-bench.bpmn", lastSteps)
                .addInputStream("call-routing.dmn", read(Path.of("processes", "call-routing.dmn"))).deploy();
        return engine;
    }

    /** The engine's DMN engine, adding the CPU time of each decision's evaluation to {@link #DECISION_NANOS}. */
    private static DmnEngine timed(DmnEngine dmn) {
        return (DmnEngine) Proxy.newProxyInstance(DmnEngine.class.getClassLoader(), new Class<?>[] {DmnEngine.class}, (proxy, method, arguments) -> {
            long start = CPU.getCurrentThreadCpuTime();
            try {
                return method.invoke(dmn, arguments);
            } catch (InvocationTargetException failed) {
                throw failed.getCause();
            } finally {
                if (method.getName().startsWith("evaluate")) {
                    DECISION_NANOS.addAndGet(CPU.getCurrentThreadCpuTime() - start);
                }
            }
        });
    }

    private static InputStream read(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

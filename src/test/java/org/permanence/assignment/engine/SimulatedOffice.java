package org.permanence.assignment.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.permanence.assignment.AssignmentPolicy;
import org.permanence.assignment.AssignmentProperties;
import org.permanence.assignment.SecretaryDayProperties;
import org.permanence.assignment.SecretaryStatuses;
import org.permanence.assignment.StatusChanged;
import org.permanence.calls.CallRecords;
import org.permanence.calls.HandledCall;
import org.permanence.people.Groups;
import org.permanence.tasktimes.ClientTaskTimes;
import org.permanence.tasktimes.TaskTimes;
import org.permanence.tasktimes.TaskTimesProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole office on the real engine, the real processes and the real rules, on an in-memory database,
 * with the engine's clock in the test's hands: each new user task gets its due date and priority from
 * {@link SetTaskTimes} and, when the office assigns, its secretary from {@link AssignNewTask} with the
 * policy and the statuses the application uses, configured from {@code application.yaml}. The external
 * tasks (the workers' part) are completed here, at the worker boundary, the call record filed with who
 * handled it and the caller's mood, as the record-call worker does. The clock is the JVM's one engine clock:
 * a test using this class is tagged {@code moves-engine-clock}, which runs it in a JVM without the shared node.
 */
public final class SimulatedOffice implements AutoCloseable, AfterEachCallback {

    /** Friday 27 November 2026, 10:00 in Paris: the morning the assignment's process tests start at. */
    public static final Instant FRIDAY_MORNING = Instant.parse("2026-11-27T09:00:00Z");
    public static final String PLUMBER = "plomberie-leroy";

    /** Who places new tasks: the office's policy, or nobody (the simulator plays another rule). */
    public enum Placing { OFFICE_POLICY, NOBODY }

    /** A caller's call as the secretary notes it. */
    public record Noted(String category, String mood) {
    }

    private static final String TAKE_APPOINTMENT = "TakeAppointment";

    private final ProcessEngine engine;
    private AssignNewTask assign;
    private CommandExecutor commands;
    private final SecretaryStatuses statuses;
    private final CallRecords calls;
    private final AssignmentProperties weights;
    private WorkBackToTheTeam workBack;

    /**
     * The assignment's process tests' office: anne and beatrice serving the plumber, the office placing the work, on
     * {@link #FRIDAY_MORNING}. Registered as a test's extension, it closes after each test.
     */
    public static SimulatedOffice plumbersMorning() {
        return new SimulatedOffice(Placing.OFFICE_POLICY, FRIDAY_MORNING, Map.of("anne", List.of(PLUMBER), "beatrice", List.of(PLUMBER)));
    }

    /** The office with these secretaries, each serving these clients (client ids), configured as application.yaml says. */
    public SimulatedOffice(Placing placing, Instant start, Map<String, List<String>> clientsBySecretary) {
        this(placing, start, clientsBySecretary, Map.of());
    }

    /** The same, with these settings changed (e.g. {@code permanence.assignment.max-effort}). */
    public SimulatedOffice(Placing placing, Instant start, Map<String, List<String>> clientsBySecretary, Map<String, Object> settingsChanged) {
        ClockUtil.setCurrentTime(Date.from(start));
        String database = "jdbc:h2:mem:office-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(database);
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("permanence_schema_history").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);

        Binder settings = applicationYaml(settingsChanged);
        weights = settings.bind("permanence.assignment", AssignmentProperties.class).get();
        SecretaryDayProperties day = settings.bind("permanence.secretaries", SecretaryDayProperties.class).get();
        TaskTimes times = new TaskTimes(settings.bind("permanence.task-times", TaskTimesProperties.class).get(), new ClientTaskTimes(jdbc));
        // a status change reaches the office's listener, as Spring's events do in the application
        statuses = new SecretaryStatuses(jdbc, day, event -> {
            if (event instanceof StatusChanged change) {
                workBack.statusChanged(change);
                // as TaskAssignmentPlugin does once her status is saved
                assign.handOut(commands, change.userId());
            }
        }, engineClock());
        calls = new CallRecords(jdbc);
        BackToWhoAnswered backToWhoAnswered = new BackToWhoAnswered();
        AssignmentPolicy policy = new AssignmentPolicy(weights);
        assign = new AssignNewTask(policy, statuses, calls, new SecretariesWork(jdbc), new WaitingWork(jdbc, policy));

        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("office-" + UUID.randomUUID());
        configuration.setJdbcUrl(database);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("full");
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setTenantIdProvider(new ClientOfTheInstance());
        // as the application does (OfficeEnginePlugin): client ids are slugs with dashes
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
        // a mutable list: the engine adds its own listeners to it
        configuration.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, new SetTaskTimes(times, task));
                if (placing == Placing.OFFICE_POLICY) {
                    task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, backToWhoAnswered);
                    task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, assign);
                }
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskAssignmentPlugin::rememberWhoHandledOrBooked);
                if (placing == Placing.OFFICE_POLICY) {
                    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, assign.handingOutOnceDone(() -> commands));
                }
            }
        })));
        engine = configuration.buildProcessEngine();
        commands = configuration.getCommandExecutorTxRequiresNew();
        workBack = new WorkBackToTheTeam(engine.getTaskService(), engine.getIdentityService(), weights);
        deploy();
        staff(clientsBySecretary);
    }

    public ProcessEngine engine() {
        return engine;
    }

    public SecretaryStatuses statuses() {
        return statuses;
    }

    public AssignmentProperties weights() {
        return weights;
    }

    /** Moves the engine's clock (and so the statuses' clock) to that moment. */
    public void at(Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** A call rings on the client's line: the call-intake process starts and identifies the client; returns its instance id. */
    public String ring(String clientId, String callerNumber) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("clientId", clientId);
        variables.put("dialledNumber", lineOf(clientId));
        variables.put("callerNumber", callerNumber);
        String instance = engine.getRuntimeService().startProcessInstanceByKey("call-intake", variables).getId();
        workersDoTheirPart();
        return instance;
    }

    /** Mail (ReviewDraft) or document (ClassifyDocument) work arrives for a client. */
    public String backOfficeWork(String clientId, String processKey) {
        return start(processKey, Map.of("clientId", clientId));
    }

    /**
     * One of the office's processes starts for a client with these variables, and the workers do their part
     * until it waits for a secretary (mail-drafting: the draft is written; document-classification: the document
     * is read and the model is not sure of it); returns its instance id.
     */
    public String start(String processKey, Map<String, Object> variables) {
        String instance = engine.getRuntimeService().startProcessInstanceByKey(processKey, variables).getId();
        workersDoTheirPart();
        return instance;
    }

    /** She completes the task; for a call, with what she noted, then the workers file it and the routing table decides. */
    public void complete(Task task, String secretary, Noted noted) {
        Map<String, Object> variables = new HashMap<>();
        if (noted != null) {
            variables.put("callerName", "Appelant simulé");
            variables.put("reason", "Journée simulée");
            variables.put("category", noted.category());
            variables.put("mood", noted.mood());
        }
        if (TAKE_APPOINTMENT.equals(task.getTaskDefinitionKey())) {
            // she books while on the phone with the caller: a slot next week, as the form asks
            variables.put("appointmentType", "consultation");
            variables.put("slotStart", LocalDate.ofInstant(now(), ZoneOffset.UTC).plusWeeks(1) + "T09:00");
        }
        engine.getTaskService().setAssignee(task.getId(), secretary);
        engine.getTaskService().complete(task.getId(), variables);
        if (noted != null) {
            recordCall(task.getProcessInstanceId(), secretary, noted);
        }
        workersDoTheirPart();
    }

    /** The record-call worker's part: who handled the call and the caller's mood, which the policy reads. */
    private void recordCall(String processInstanceId, String secretary, Noted noted) {
        // no client row in this database: the call is filed under no client, which the policy does not read
        calls.record(new HandledCall(processInstanceId, null, null, "+33100000000", "+33600000000", "Appelant simulé", "Journée simulée",
                noted.category(), noted.mood(), null, secretary));
    }

    private static String lineOf(String clientId) {
        return String.format("+3310%07d", Math.floorMod(clientId.hashCode(), 10_000_000));
    }

    /** Completes every external task waiting, as the workers would, with what the process needs of each. */
    private void workersDoTheirPart() {
        List<ExternalTask> waiting;
        while (!(waiting = engine.getExternalTaskService().createExternalTaskQuery().notLocked().list()).isEmpty()) {
            for (String topic : waiting.stream().map(ExternalTask::getTopicName).distinct().toList()) {
                for (LockedExternalTask locked : engine.getExternalTaskService().fetchAndLock(100, "simulation").topic(topic, 60_000L).execute()) {
                    engine.getExternalTaskService().complete(locked.getId(), "simulation", outputOf(locked));
                }
            }
        }
    }

    private Map<String, Object> outputOf(LockedExternalTask task) {
        if ("book-appointment".equals(task.getTopicName())) {
            return Map.of("appointmentId", task.getProcessInstanceId());
        }
        if ("send-appointment-confirmation".equals(task.getTopicName())) {
            // the appointment is next week: nothing more of it happens during the simulated day
            Instant nextWeek = now().plus(Duration.ofDays(7));
            return Map.of("reminderWanted", false, "reminderAt", Date.from(nextWeek), "appointmentEnd", Date.from(nextWeek),
                    "appointmentWhen", "la semaine prochaine");
        }
        if ("classify-document".equals(task.getTopicName())) {
            return Map.of("confident", false, "suggestedCategory", "invoice", "confidence", 0.4);
        }
        if (!"identify-caller".equals(task.getTopicName())) {
            return Map.of();
        }
        Instant now = now();
        Map<String, Object> identified = new HashMap<>();
        identified.put("lineKnown", true);
        identified.put("clientName", task.getTenantId());
        identified.put("clientMessageDelivery", "IMMEDIATELY");
        identified.put("urgentConfirmWithin", "PT15M");
        identified.put("urgentConfirmDue", Date.from(now.plus(Duration.ofMinutes(15))));
        identified.put("callBackDue", Date.from(now.plus(Duration.ofMinutes(120))));
        return identified;
    }

    private void deploy() {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("simulated office")
                .addClasspathResource("processes/call-intake.bpmn")
                .addClasspathResource("processes/call-routing.dmn")
                .addClasspathResource("processes/appointment-confirmation.bpmn")
                .addClasspathResource("processes/mail-drafting.bpmn")
                .addClasspathResource("processes/document-classification.bpmn")
                .addClasspathResource("processes/document-review.bpmn")
                .addClasspathResource("simulation/back-office-work.bpmn");
        for (String form : List.of("handle-call", "confirm-client-reached", "call-back", "take-appointment", "reach-client-escalated", "log-a-call",
                "pick-slot", "mark-attendance", "write-a-mail", "examine-incoming-mail", "correct-mail-request", "review-draft",
                "obtain-client-approval", "unreadable-document", "classify-document", "review-filing")) {
            deployment.addClasspathResource("forms/" + form + ".form");
        }
        deployment.deploy();
    }

    private void staff(Map<String, List<String>> clientsBySecretary) {
        var identity = engine.getIdentityService();
        identity.saveGroup(identity.newGroup(Groups.SECRETARIES));
        clientsBySecretary.values().stream().flatMap(List::stream).distinct().forEach(client -> identity.saveTenant(identity.newTenant(client)));
        clientsBySecretary.forEach((secretary, clients) -> {
            identity.saveUser(identity.newUser(secretary));
            identity.createMembership(secretary, Groups.SECRETARIES);
            clients.forEach(client -> identity.createTenantUserMembership(client, secretary));
        });
    }

    /** The statuses read the engine's clock, which the simulated day moves. */
    private static Clock engineClock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return ClockUtil.getCurrentTime().toInstant();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }

    /** The application's settings as {@code application.yaml} says, with these changed. */
    public static Binder applicationYaml(Map<String, Object> settingsChanged) {
        try {
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("changed", settingsChanged));
            yaml.forEach(environment.getPropertySources()::addLast);
            return new Binder(ConfigurationPropertySources.get(environment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every instance is its client's, by the {@code clientId} it starts with (in the application: the dialled line). */
    private static final class ClientOfTheInstance implements TenantIdProvider {
        @Override
        public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
            Object client = context.getVariables().get("clientId");
            return client == null && context.getSuperExecution() != null ? context.getSuperExecution().getTenantId() : (String) client;
        }

        @Override
        public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
            return null;
        }

        @Override
        public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
            return context.getExecution() == null ? null : context.getExecution().getTenantId();
        }
    }

    @Override
    public void close() {
        engine.close();
        ClockUtil.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}

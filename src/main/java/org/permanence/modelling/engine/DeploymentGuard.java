package org.permanence.modelling.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.permanence.modelling.WorkerTopics;
import org.springframework.context.MessageSource;

/**
 * Checks a new deployment before the engine accepts it, and refuses it with every problem named by
 * element, in words a manager who drew the diagram understands: an external task whose topic no
 * worker handles (neither this jar's nor one declared served outside, {@link OutsideTopics}), a form that is not there, a user task nobody would get, a process or decision without
 * history time-to-live (our retention rule; the engine's own refusal only says the value is null), a
 * decision table reading a variable the calling process never sets ({@link DecisionInputs}) — in the
 * language of the manager who deploys ({@link DeployersLanguage}).
 * <p>
 * A pre-deployer rather than a BPMN parse listener: it sees the whole deployment, so it can tell
 * whether the forms were deployed with the process, and it runs in the deployment's transaction
 * before any definition is stored.
 */
public class DeploymentGuard implements Deployer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM_BINDING_DEPLOYMENT = "deployment";

    private final WorkerTopics workerTopics;
    private final Supplier<SortedSet<String>> servedOutside;
    private final DecisionInputs decisionInputs;
    private final MessageSource texts;
    private final Supplier<Locale> deployersLanguage;

    public DeploymentGuard(WorkerTopics workerTopics, Supplier<SortedSet<String>> servedOutside, MessageSource texts,
                    Supplier<Locale> deployersLanguage) {
        this.workerTopics = workerTopics;
        this.servedOutside = servedOutside;
        this.decisionInputs = new DecisionInputs(workerTopics);
        this.texts = texts;
        this.deployersLanguage = deployersLanguage;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            // the engine reloading an earlier deployment into its cache: it was checked when deployed,
            // and refusing it now would strand the instances still running on it
            return;
        }
        GuardWords words = new GuardWords(texts, deployersLanguage.get());
        Map<String, Set<String>> formsHere = deployment.getResources().values().stream()
                .filter(resource -> resource.getName().endsWith(".form"))
                .collect(Collectors.toMap(DeploymentGuard::formId, resource -> formFields(resource.getBytes()), (a, b) -> a));
        DeployedBefore before = new DeployedBefore(deployment.getTenantId());
        Map<String, Decision> decisionsHere = new TreeMap<>();
        Map<String, BpmnModelInstance> diagrams = new TreeMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (endsWithAny(resource, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES)) {
                readDmn(resource).ifPresent(model -> model.getModelElementsByType(Decision.class)
                        .forEach(decision -> decisionsHere.put(decision.getId(), decision)));
            } else if (endsWithAny(resource, BpmnDeployer.BPMN_RESOURCE_SUFFIXES)) {
                readBpmn(resource).ifPresent(model -> diagrams.put(resource.getName(), model));
            }
        }
        Function<String, Set<String>> formFields = formKey -> formsHere.containsKey(formKey) ? formsHere.get(formKey)
                : before.form(formKey).map(DeploymentGuard::formFields).orElse(Set.of());
        BiFunction<String, String, Optional<Decision>> decisions = (key, binding) -> Optional.ofNullable(decisionsHere.get(key))
                .or(() -> FORM_BINDING_DEPLOYMENT.equals(binding) ? Optional.empty() : before.decision(key));
        Map<String, List<DeploymentProblem>> refused = new TreeMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            List<DeploymentProblem> problems = new ArrayList<>();
            BpmnModelInstance diagram = diagrams.get(resource.getName());
            if (diagram != null) {
                problems.addAll(problems(diagram, formsHere.keySet(), formKey -> before.form(formKey).isPresent(), words));
                diagram.getModelElementsByType(BusinessRuleTask.class)
                        .forEach(task -> problems.addAll(decisionInputs.problems(task, decisions, formFields, words)));
            } else if (endsWithAny(resource, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES)) {
                readDmn(resource).ifPresent(model -> {
                    problems.addAll(problems(model, words));
                    problems.addAll(tablesForEarlierProcesses(model, diagrams.values(), before, words));
                });
            }
            if (!problems.isEmpty()) {
                refused.put(resource.getName(), problems);
            }
        }
        if (!refused.isEmpty()) {
            throw new RefusedDeployment(refused, words);
        }
    }

    /**
     * A table deployed without the diagrams that call it replaces the one processes deployed earlier use
     * by binding {@code latest}: its inputs must be set in those processes.
     */
    private List<DeploymentProblem> tablesForEarlierProcesses(DmnModelInstance model, Collection<BpmnModelInstance> diagramsHere,
                                                              DeployedBefore before, GuardWords words) {
        Set<String> calledHere = diagramsHere.stream().flatMap(diagram -> diagram.getModelElementsByType(BusinessRuleTask.class).stream())
                .map(BusinessRuleTask::getCamundaDecisionRef).collect(Collectors.toSet());
        List<DeploymentProblem> problems = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (calledHere.contains(decision.getId())) {
                continue;
            }
            for (BusinessRuleTask task : before.callersByLatest(decision.getId())) {
                Set<String> known = decisionInputs.knownAt(task, formKey -> before.form(formKey).map(DeploymentGuard::formFields).orElse(Set.of()));
                DecisionInputs.unknownNames(decision, known).forEach(unknown -> problems.add(new DeploymentProblem(decision.getId(),
                        words.say("guard.table.inputNotSetByEarlierProcess", words.labelOrQuotedId(decision),
                                words.labelOrQuotedId(unknown.input()), unknown.name(), words.labelOrQuotedId(task.getScope()),
                                words.labelOrQuotedId(task), String.join(", ", known)))));
            }
        }
        return problems;
    }

    private static Optional<BpmnModelInstance> readBpmn(ResourceEntity resource) {
        try {
            return Optional.of(Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())));
        } catch (ModelException notValidBpmn) {
            // the engine's own parser refuses it next, with line and column
            return Optional.empty();
        }
    }

    static Optional<DmnModelInstance> readDmn(ResourceEntity resource) {
        try {
            return Optional.of(Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())));
        } catch (ModelException notValidDmn) {
            // as for BPMN: the engine's parser says what is wrong, with line and column
            return Optional.empty();
        }
    }

    /** A decision keeps history too, so it needs a time-to-live as much as a process does. */
    static List<DeploymentProblem> problems(DmnModelInstance model, GuardWords words) {
        return model.getModelElementsByType(Decision.class).stream()
                .filter(decision -> isBlank(decision.getCamundaHistoryTimeToLiveString()))
                .map(decision -> new DeploymentProblem(decision.getId(),
                        words.say("guard.decision.noHistoryTimeToLive", words.label(decision))))
                .toList();
    }

    /** The problems of one BPMN model, given the form ids deployed with it and a way to ask whether a form was deployed earlier. */
    List<DeploymentProblem> problems(BpmnModelInstance model, Set<String> formsHere, Predicate<String> deployedBefore,
                                     GuardWords words) {
        List<DeploymentProblem> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && isBlank(process.getCamundaHistoryTimeToLiveString())) {
                problems.add(new DeploymentProblem(process.getId(), words.say("guard.process.noHistoryTimeToLive", words.label(process))));
            }
        }
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            if ("external".equals(camunda(element, "type"))) {
                topicProblem(element, camunda(element, "topic"), words).ifPresent(problems::add);
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (isBlank(task.getCamundaAssignee()) && isBlank(task.getCamundaCandidateGroups())
                    && isBlank(task.getCamundaCandidateUsers())) {
                problems.add(new DeploymentProblem(task.getId(), words.say("guard.userTask.reachesNobody", words.label(task))));
            }
            formProblem(task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), formsHere, deployedBefore, words)
                    .ifPresent(problems::add);
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            formProblem(start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), formsHere, deployedBefore, words)
                    .ifPresent(problems::add);
        }
        return problems;
    }

    private Optional<DeploymentProblem> topicProblem(BaseElement element, String topic, GuardWords words) {
        BaseElement reported = owner(element);
        if (isBlank(topic)) {
            return Optional.of(new DeploymentProblem(reported.getId(), words.say("guard.externalTask.noTopic", words.label(reported))));
        }
        // a topic computed at run time cannot be checked here
        if (topic.contains("${") || topic.contains("#{") || workerTopics.handles(topic)) {
            return Optional.empty();
        }
        // asked only now: most diagrams use the jar's topics, and the declared ones may change between deployments
        SortedSet<String> outside = servedOutside.get();
        if (outside.contains(topic)) {
            return Optional.empty();
        }
        return Optional.of(new DeploymentProblem(reported.getId(), words.say("guard.externalTask.unknownTopic", words.label(reported),
                topic, String.join(", ", workerTopics.topics()),
                outside.isEmpty() ? words.say("guard.externalTask.noneServedOutside") : String.join(", ", outside))));
    }

    private static Optional<DeploymentProblem> formProblem(BaseElement element, String formKey, String binding,
                                                                     Set<String> formsHere, Predicate<String> deployedBefore,
                                                                     GuardWords words) {
        if (isBlank(formKey) || formsHere.contains(formKey) || formKey.contains("${")) {
            return Optional.empty();
        }
        if (FORM_BINDING_DEPLOYMENT.equals(binding)) {
            return Optional.of(new DeploymentProblem(element.getId(), words.say("guard.form.notDeployedWith", words.label(element), formKey)));
        }
        if (deployedBefore.test(formKey)) {
            return Optional.empty();
        }
        return Optional.of(new DeploymentProblem(element.getId(), words.say("guard.form.unknown", words.label(element), formKey)));
    }

    private static String formId(ResourceEntity form) {
        try {
            return JSON.readTree(form.getBytes()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("form " + form.getName() + " is not valid JSON", e);
        }
    }

    /** The variables a Camunda Form sets: the key of each field, in groups too. */
    static Set<String> formFields(byte[] form) {
        try {
            Set<String> keys = new TreeSet<>();
            JSON.readTree(form).findParents("type").forEach(component -> {
                if (component.hasNonNull("key")) {
                    keys.add(component.get("key").asText());
                }
            });
            return keys;
        } catch (IOException notJson) {
            // formId above refuses the same form with its name
            return Set.of();
        }
    }

    private static boolean endsWithAny(ResourceEntity resource, String[] suffixes) {
        return Arrays.stream(suffixes).anyMatch(resource.getName()::endsWith);
    }

    private static String camunda(BaseElement element, String attribute) {
        return element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, attribute);
    }

    /** A message event definition carries the topic; the manager knows the event it belongs to. */
    private static BaseElement owner(BaseElement element) {
        return !(element instanceof FlowElement) && element.getParentElement() instanceof BaseElement parent ? parent : element;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

package org.permanence.modelling.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.permanence.modelling.WorkerTopics;

/**
 * The guard's rule for decision tables: every variable an input expression reads must be one the
 * process has set on some path to the business rule task that calls the table. A variable is set
 * by an element before the task when that element is
 * <ul>
 *   <li>a start event or user task showing a Camunda Form (each field's {@code key}) or generated form fields;</li>
 *   <li>an external task whose worker declares what it sets ({@link org.permanence.system.WritesVariables});</li>
 *   <li>any element with output parameters, or a {@code resultVariable} (script, rule, service task);</li>
 *   <li>a sub-process before the task (everything inside it), or the task's own input parameters;</li>
 * </ul>
 * and the decisions a table requires (its decision requirements) add their outputs. A name nothing sets
 * is almost always a typo or a renamed form field, which the engine would only notice on a live call.
 */
final class DecisionInputs {

    /** FEEL and JUEL words and literals that are not variables. */
    private static final Set<String> NOT_VARIABLES = Set.of("true", "false", "null", "and", "or", "not", "in", "between",
            "instance", "of", "if", "then", "else", "for", "some", "every", "satisfies", "return", "function", "empty",
            "eq", "ne", "lt", "gt", "le", "ge", "div", "mod");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    /** A name not following a dot (a property) and not followed by a parenthesis (a function). */
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)(?!\\s*\\(|\\w)");

    private final WorkerTopics workers;

    DecisionInputs(WorkerTopics workers) {
        this.workers = workers;
    }

    /**
     * Problems of the business rule task's table, found through {@code decisions} (key, binding → the table,
     * if deployed with it or before); an unknown form gives no fields ({@code formFields}).
     */
    List<DeploymentProblem> problems(BusinessRuleTask task, BiFunction<String, String, Optional<Decision>> decisions,
                                     Function<String, Set<String>> formFields, GuardWords words) {
        String key = task.getCamundaDecisionRef();
        if (key == null || key.isBlank() || key.contains("${")) {
            return List.of();
        }
        Optional<Decision> decision = decisions.apply(key, task.getCamundaDecisionRefBinding());
        if (decision.isEmpty()) {
            return List.of(new DeploymentProblem(task.getId(), words.say("deployment".equals(task.getCamundaDecisionRefBinding())
                    ? "guard.table.notDeployedWith" : "guard.table.unknown", words.labelOrQuotedId(task), key)));
        }
        Set<String> known = knownAt(task, formFields);
        return unknownNames(decision.get(), known).stream()
                .map(unknown -> new DeploymentProblem(task.getId(), words.say("guard.table.inputNotSet", words.labelOrQuotedId(task),
                        words.labelOrQuotedId(decision.get()), words.labelOrQuotedId(unknown.input()), unknown.name(),
                        String.join(", ", known))))
                .toList();
    }

    /** An input expression's name that the process does not set. */
    record UnknownName(Input input, String name) {
    }

    static List<UnknownName> unknownNames(Decision decision, Set<String> known) {
        Set<String> available = new HashSet<>(known);
        available.addAll(requiredOutputs(decision, new HashSet<>()));
        List<UnknownName> unknown = new ArrayList<>();
        if (decision.getExpression() instanceof DecisionTable table) {
            for (Input input : table.getInputs()) {
                if (input.getInputExpression() == null || input.getInputExpression().getText() == null) {
                    continue;
                }
                variablesRead(input.getInputExpression().getText().getTextContent()).stream()
                        .filter(name -> !available.contains(name))
                        .forEach(name -> unknown.add(new UnknownName(input, name)));
            }
        }
        return unknown;
    }

    private static Set<String> requiredOutputs(Decision decision, Set<Decision> seen) {
        Set<String> outputs = new HashSet<>();
        for (InformationRequirement requirement : decision.getInformationRequirements()) {
            Decision required = requirement.getRequiredDecision();
            if (required != null && seen.add(required)) {
                if (required.getExpression() instanceof DecisionTable table) {
                    table.getOutputs().stream().map(Output::getName).filter(name -> name != null).forEach(outputs::add);
                }
                outputs.add(required.getId());
                outputs.addAll(requiredOutputs(required, seen));
            }
        }
        return outputs;
    }

    /** The variables an input expression reads: its names, without strings, keywords, properties and functions. */
    static Set<String> variablesRead(String expression) {
        if (expression == null) {
            return Set.of();
        }
        String code = STRING.matcher(expression.replace("${", " ").replace("#{", " ")).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = NAME.matcher(code);
        while (matcher.find()) {
            if (!NOT_VARIABLES.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** Every variable some element on a path to this task sets, and the task's own input parameters. */
    Set<String> knownAt(FlowNode task, Function<String, Set<String>> formFields) {
        Set<String> known = new TreeSet<>();
        elements(task, CamundaInputParameter.class).forEach(parameter -> known.add(parameter.getCamundaName()));
        Deque<FlowNode> todo = new ArrayDeque<>(predecessors(task));
        Set<FlowNode> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            FlowNode node = todo.pop();
            if (!seen.add(node)) {
                continue;
            }
            known.addAll(written(node, formFields));
            if (node instanceof SubProcess inside) {
                inside.getChildElementsByType(FlowNode.class).forEach(child -> known.addAll(written(child, formFields)));
            }
            todo.addAll(predecessors(node));
        }
        return known;
    }

    private static List<FlowNode> predecessors(FlowNode node) {
        List<FlowNode> before = new ArrayList<>(node.getIncoming().stream().map(SequenceFlow::getSource).toList());
        if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
            before.add(boundary.getAttachedTo());
        }
        // a sub-process's start follows what led into the sub-process (not the sub-process's own later steps)
        if (node instanceof StartEvent && node.getParentElement() instanceof SubProcess parent) {
            before.addAll(predecessors(parent));
        }
        return before;
    }

    private Set<String> written(FlowNode node, Function<String, Set<String>> formFields) {
        Set<String> written = new HashSet<>();
        String formKey = camunda(node, "formRef");
        if (formKey != null) {
            written.addAll(formFields.apply(formKey));
        }
        elements(node, CamundaFormField.class).forEach(field -> written.add(field.getCamundaId()));
        elements(node, CamundaOutputParameter.class).forEach(parameter -> written.add(parameter.getCamundaName()));
        Optional.ofNullable(camunda(node, "resultVariable")).ifPresent(written::add);
        topicOf(node).ifPresent(topic -> written.addAll(workers.writtenBy(topic)));
        return written;
    }

    /** The topic of an external task, or of a message event sent by a worker. */
    private static Optional<String> topicOf(FlowNode node) {
        if ("external".equals(camunda(node, "type"))) {
            return Optional.ofNullable(camunda(node, "topic"));
        }
        return node.getChildElementsByType(EventDefinition.class).stream()
                .filter(definition -> "external".equals(camunda(definition, "type")))
                .map(definition -> camunda(definition, "topic"))
                .findFirst();
    }

    private static <T extends ModelElementInstance> Collection<T> elements(FlowNode node, Class<T> type) {
        return node.getExtensionElements() == null ? List.of()
                : node.getModelInstance().getModelElementsByType(type).stream()
                        .filter(element -> isInside(element, node)).toList();
    }

    private static boolean isInside(ModelElementInstance element, FlowNode node) {
        for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent instanceof FlowNode) {
                return parent.equals(node);
            }
        }
        return false;
    }

    private static String camunda(BaseElement element, String attribute) {
        return element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, attribute);
    }
}

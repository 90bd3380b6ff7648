package org.permanence.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionLiteralExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The DMN engine, giving a decision only the variables its expressions name. The engine's own evaluation
 * first copies <em>every</em> variable of the call into a map, deserialising the JSON ones (the appointment
 * types of the secretary's form) through Spin and a class lookup each time, for a table that reads four of them: that copy was the largest part of the routing table's cost (docs/benchmarks.md, issue 21). A variable
 * is given whenever its name appears anywhere in the decision's texts (input expressions, rules' entries and
 * outputs, literal expressions, and the decisions it requires): a name the table reads is always spelled in it,
 * so a table managers redesign in Modeler still sees what it names, and an extra match only costs a copy.
 * A decision of a kind not known here gets every variable, as before.
 */
class DecisionVariables extends DefaultDmnEngine {

    DecisionVariables(DefaultDmnEngineConfiguration configuration) {
        super(configuration);
    }

    @Override
    public DmnDecisionResult evaluateDecision(DmnDecision decision, VariableContext variables) {
        Set<String> texts = new HashSet<>();
        return super.evaluateDecision(decision, collectTexts(decision, texts) ? new Named(variables, texts) : variables);
    }

    /** Adds the decision's expression texts and those of the decisions it requires; false if one is of an unknown kind. */
    private static boolean collectTexts(DmnDecision decision, Set<String> texts) {
        List<DmnExpressionImpl> expressions = new ArrayList<>();
        if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
            table.getInputs().forEach(input -> expressions.add(input.getExpression()));
            table.getRules().forEach(rule -> {
                expressions.addAll(rule.getConditions());
                expressions.addAll(rule.getConclusions());
            });
        } else if (decision.getDecisionLogic() instanceof DmnDecisionLiteralExpressionImpl literal) {
            expressions.add(literal.getExpression());
        } else {
            return false;
        }
        expressions.stream().filter(Objects::nonNull).map(DmnExpressionImpl::getExpression).forEach(text -> addText(text, texts));
        return decision.getRequiredDecisions().stream().allMatch(required -> collectTexts(required, texts));
    }

    private static void addText(String text, Set<String> texts) {
        if (text != null && !text.isBlank()) {
            texts.add(text);
        }
    }

    /** The variables whose name one of the texts contains. */
    private static final class Named implements VariableContext {

        private final VariableContext all;
        private final Set<String> names;

        Named(VariableContext all, Collection<String> texts) {
            this.all = all;
            this.names = all.keySet().stream().filter(name -> texts.stream().anyMatch(text -> text.contains(name)))
                    .collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public TypedValue resolve(String name) {
            return names.contains(name) ? all.resolve(name) : null;
        }

        @Override
        public boolean containsVariable(String name) {
            return names.contains(name);
        }

        @Override
        public Set<String> keySet() {
            return names;
        }
    }
}

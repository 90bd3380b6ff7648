package org.permanence.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;

import camundajar.impl.scala.util.Either;

/**
 * The engine's FEEL (the language of the decision tables' cells), parsing each text once rather than at each
 * evaluation: Camunda 7's FEEL engine parses every input expression and every rule's entries again for each
 * call routed (a fifth of the routing table's cost in the profile of issue 21). A parsed expression is an
 * immutable tree, evaluated against each call's own variables, so one may serve every call and thread. The
 * texts are the deployed tables' cells: a few hundred; the cache is emptied should managers' versions ever
 * pile up past {@link #MOST_TEXTS}.
 */
class FeelParsedOnce extends ScalaFeelEngine {

    static final int MOST_TEXTS = 10_000;

    FeelParsedOnce(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    @Override
    protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions, ValueMapper.CompositeValueMapper valueMapper) {
        return new Parsed(super.buildFeelEngine(functions, valueMapper));
    }

    /** Camunda's FEEL engine as built, its two parsing methods remembering their results. */
    static final class Parsed extends FeelEngine {

        private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
        private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

        Parsed(FeelEngine built) {
            super(built.functionProvider(), built.valueMapper(), built.configuration(), built.clock());
        }

        @Override
        public Either<Failure, ParsedExpression> parseExpression(String expression) {
            return remembered(expressions, expression, super::parseExpression);
        }

        @Override
        public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
            return remembered(unaryTests, expression, super::parseUnaryTests);
        }

        private static Either<Failure, ParsedExpression> remembered(Map<String, Either<Failure, ParsedExpression>> parsed,
                                                                    String text, Function<String, Either<Failure, ParsedExpression>> parse) {
            if (parsed.size() >= MOST_TEXTS) {
                parsed.clear();
            }
            return parsed.computeIfAbsent(text, parse);
        }
    }
}

package org.permanence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.FeelEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The routing table decides as before while it is handed only the variables it names, its FEEL parsed once. */
@Tag("process")
class LeanDecisionsTest {

    private static DmnEngine engine;

    @BeforeAll
    static void engineAsTheNodesBuildIt() {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(() -> new FeelParsedOnce(List.of()));
        configuration.buildEngine();
        engine = new DecisionVariables(configuration);
    }

    @Test
    void theRoutingTableIsHandedOnlyItsFourInputsNotTheBriefingCard() throws IOException {
        Recorded call = new Recorded(call("angry", "DAILY_SUMMARY"));

        Object action = engine.evaluateDecision(decision(routing()), call).getSingleEntry();

        assertThat(action).isEqualTo("notify-now");
        assertThat(call.resolved).containsExactlyInAnyOrder("lineKnown", "category", "mood", "clientMessageDelivery");
    }

    @Test
    void aTableManagersMadeReadAnotherVariableIsHandedIt() throws IOException {
        DmnDecision redesigned = decision(routing().replace("<text>mood</text>", "<text>callerMood</text>"));
        VariableMap call = call("calm", "DAILY_SUMMARY").putValue("callerMood", "distressed");

        assertThat((Object) engine.evaluateDecision(redesigned, call.asVariableContext()).getSingleEntry()).isEqualTo("notify-now");
    }

    @Test
    void eachCallIsDecidedOnItsOwnValuesOnceTheCellsAreParsed() throws IOException {
        DmnDecision routing = decision(routing());

        for (int round = 0; round < 3; round++) {
            assertThat((Object) engine.evaluateDecision(routing, call("distressed", "DAILY_SUMMARY").asVariableContext()).getSingleEntry())
                    .isEqualTo("notify-now");
            assertThat((Object) engine.evaluateDecision(routing, call("calm", "DAILY_SUMMARY").asVariableContext()).getSingleEntry())
                    .isEqualTo("daily-summary");
        }
    }

    @Test
    void aFeelTextIsParsedOnceAndItsTreeKept() {
        FeelEngine feel = new FeelParsedOnce.Parsed(new FeelEngine.Builder().build());

        assertThat(feel.parseUnaryTests("\"angry\",\"distressed\"").toOption().get())
                .isSameAs(feel.parseUnaryTests("\"angry\",\"distressed\"").toOption().get());
        assertThat(feel.parseExpression("mood").toOption().get()).isSameAs(feel.parseExpression("mood").toOption().get())
                .isNotSameAs(feel.parseExpression("category").toOption().get());
    }

    private static VariableMap call(String mood, String delivery) {
        return Variables.createVariables().putValue("lineKnown", true).putValue("category", "message").putValue("mood", mood)
                .putValue("clientMessageDelivery", delivery).putValue("callerName", "Mme Roux")
                .putValue("briefing", Variables.objectValue(Map.of("greeting", "Cabinet Roux, bonjour")).create())
                .putValue("appointmentTypeOptions", Variables.objectValue(List.of(Map.of("label", "Visite", "value", "visit"))).create());
    }

    private static String routing() throws IOException {
        return Files.readString(Path.of("processes", "call-routing.dmn"));
    }

    private static DmnDecision decision(String dmn) {
        return engine.parseDecision("call-routing", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
    }

    /** A call's variables, remembering which ones the decision asked for. */
    private static final class Recorded implements VariableContext {

        private final VariableContext variables;
        private final List<String> resolved = new ArrayList<>();

        Recorded(VariableMap variables) {
            this.variables = variables.asVariableContext();
        }

        @Override
        public TypedValue resolve(String name) {
            resolved.add(name);
            return variables.resolve(name);
        }

        @Override
        public boolean containsVariable(String name) {
            return variables.containsVariable(name);
        }

        @Override
        public Set<String> keySet() {
            return variables.keySet();
        }
    }
}

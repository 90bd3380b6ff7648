package org.permanence.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;

/** Each row of call-routing.dmn, and that it is the row that decides. */
@Tag("process")
class CallRoutingDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision routing;
    private static final List<String> MATCHED_RULES = new ArrayList<>();

    @BeforeAll
    static void parseTheTableManagersEdit() throws Exception {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        DmnDecisionTableEvaluationListener recorder = (DmnDecisionTableEvaluationEvent event) ->
                event.getMatchingRules().forEach(rule -> MATCHED_RULES.add(rule.getId()));
        configuration.customPostDecisionTableEvaluationListeners(List.of(recorder));
        engine = configuration.buildEngine();
        try (InputStream table = CallRoutingDecisionTest.class.getResourceAsStream("/processes/call-routing.dmn")) {
            routing = engine.parseDecision("call-routing", table);
        }
    }

    @ParameterizedTest(name = "{4}: {1}, {2}, {3} → {5}")
    @CsvSource(nullValues = "null", value = {
            "false, message,     calm,       IMMEDIATELY,   UnknownLine,            none",
            "true,  urgent,      calm,       DAILY_SUMMARY, Urgent,                 urgent",
            "true,  message,     angry,      DAILY_SUMMARY, UpsetCallerMessage,     notify-now",
            "true,  message,     distressed, DAILY_SUMMARY, UpsetCallerMessage,     notify-now",
            "true,  message,     annoyed,    DAILY_SUMMARY, MessageForDailySummary, daily-summary",
            "true,  message,     calm,       IMMEDIATELY,   MessageNow,             notify-now",
            "true,  appointment, calm,       IMMEDIATELY,   Appointment,            appointment",
            "true,  call-back,   angry,      DAILY_SUMMARY, CallBack,               call-back",
            "true,  information, calm,       IMMEDIATELY,   Information,            none"})
    void eachRowDecides(boolean lineKnown, String category, String mood, String delivery, String rule, String action) {
        Map<String, Object> call = new HashMap<>();
        call.put("lineKnown", lineKnown);
        call.put("category", category);
        call.put("mood", mood);
        call.put("clientMessageDelivery", delivery);
        MATCHED_RULES.clear();

        String decided = engine.evaluateDecision(routing, call).getSingleEntry();

        assertThat(decided).isEqualTo(action);
        assertThat(MATCHED_RULES).containsExactly(rule);
    }
}

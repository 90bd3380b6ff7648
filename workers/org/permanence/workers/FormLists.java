package org.permanence.workers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.client.variable.ClientValues;
import org.permanence.system.FormOption;

/**
 * The lists a worker prepares for a form's select ({@link FormOption}s) go to the engine as JSON
 * variables: Tasklist hands a Camunda Form a variable as a list ({@code valuesKey}) only when its
 * type is Json. Every other variable goes as it is.
 */
final class FormLists {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormLists() {
    }

    static Map<String, Object> asJson(Map<String, Object> variables) {
        if (variables == null) {
            return null;
        }
        // the workers' maps may hold nulls (a variable cleared): no Map.copyOf
        Map<String, Object> sent = new HashMap<>(variables);
        variables.forEach((name, value) -> {
            if (value instanceof List<?> list && list.stream().allMatch(FormOption.class::isInstance)) {
                sent.put(name, ClientValues.jsonValue(write(list)));
            }
        });
        return sent;
    }

    private static String write(List<?> options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form options cannot be written as JSON", e);
        }
    }
}

package org.permanence.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The fields a person fills in to start a process: the keys of its deployed Camunda start form that she
 * can edit (not the read-only ones the form only shows). A process without a start form has none. A
 * deployed definition never changes, so each is read once.
 */
final class StartForms {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Set<String>> fieldsByDefinition = new ConcurrentHashMap<>();

    /** Call inside an engine command (it reads the form with the command's own context). */
    Set<String> fieldsOf(String processDefinitionId) {
        return fieldsByDefinition.computeIfAbsent(processDefinitionId, StartForms::read);
    }

    private static Set<String> read(String processDefinitionId) {
        CommandContext command = Context.getCommandContext();
        InputStream form;
        try {
            // the office reads the form; the person starting may not be allowed to read the deployment
            form = command.runWithoutAuthorization(() -> new GetDeployedStartFormCmd(processDefinitionId).execute(command));
        } catch (BadUserRequestException noStartForm) {
            return Set.of();
        }
        try (form) {
            Set<String> fields = new TreeSet<>();
            collect(JSON.readTree(form), fields);
            return Collections.unmodifiableSet(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("The start form of " + processDefinitionId + " cannot be read", e);
        }
    }

    private static void collect(JsonNode component, Set<String> fields) {
        JsonNode key = component.get("key");
        if (key != null && key.isTextual() && !component.path("disabled").asBoolean(false)
                && !component.path("readonly").asBoolean(false)) {
            fields.add(key.asText());
        }
        for (JsonNode child : component.path("components")) {
            collect(child, fields);
        }
    }
}

package org.permanence.modelling.engine;

import java.util.List;

import org.camunda.bpm.engine.Problem;

/**
 * One reason a deployment is refused, about one element. The REST API lists it under
 * {@code details.<resource>.errors} as {@code {message, mainElementId, elementIds, line, column}};
 * the model API gives no line numbers, hence 0.
 */
record DeploymentProblem(String elementId, String message) implements Problem {

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public int getLine() {
        return 0;
    }

    @Override
    public int getColumn() {
        return 0;
    }

    @Override
    public String getMainElementId() {
        return elementId;
    }

    @Override
    public List<String> getElementIds() {
        return List.of(elementId);
    }
}

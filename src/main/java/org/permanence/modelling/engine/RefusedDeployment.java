package org.permanence.modelling.engine;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment the guard refused. A {@link ParseException}, because the REST API answers that one
 * with 400 and every problem per resource in {@code details}, which is what Camunda Modeler shows
 * the manager; any other exception would be a 500 with a stack-trace-like message.
 */
class RefusedDeployment extends ParseException {

    RefusedDeployment(Map<String, List<DeploymentProblem>> problemsByResource, GuardWords words) {
        super(summary(problemsByResource, words), problemsByResource.keySet().iterator().next(), List.of(), List.of());
        this.resorceReports = problemsByResource.entrySet().stream()
                .map(entry -> (ResourceReport) new Report(entry.getKey(), List.copyOf(entry.getValue())))
                .toList();
    }

    private static String summary(Map<String, List<DeploymentProblem>> problemsByResource, GuardWords words) {
        return words.say("guard.refused", problemsByResource.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream()
                        .map(problem -> words.say("guard.refused.problem", entry.getKey(), problem.elementId(), problem.message())))
                .collect(Collectors.joining("; ")));
    }

    private record Report(String resourceName, List<Problem> errors) implements ResourceReport {

        @Override
        public String getResourceName() {
            return resourceName;
        }

        @Override
        public List<Problem> getErrors() {
            return errors;
        }

        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }
}

package org.permanence.engine;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

/**
 * The engine refuses a user another tenant's task or instance with a plain ProcessEngineException
 * (ENGINE-13034, "… because it belongs to no authenticated tenant"), which Camunda's REST API answers
 * as 500, as if the node had failed (some resources wrap it: "Cannot put process instance variable
 * note: ENGINE-13034 …"). It is a refusal: 403, with Camunda's own error body unchanged.
 * A response filter rather than a second ExceptionMapper of ProcessEngineException: Camunda maps that
 * type already, and which of two equal mappers Jersey picks is not something to rely on.
 */
public class TenantRefusals implements ContainerResponseFilter {

    static final String NO_AUTHENTICATED_TENANT = "ENGINE-13034";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()
                && response.getEntity() instanceof ExceptionDto error
                && error.getMessage() != null && error.getMessage().contains(NO_AUTHENTICATED_TENANT)) {
            response.setStatus(Response.Status.FORBIDDEN.getStatusCode());
        }
    }
}

package org.permanence.modelling.engine;

import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.impl.cmd.GetUserInfoCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.permanence.manage.engine.PageTexts;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The language of the manager who deploys, as the managers' pages choose it: her profile's
 * ({@code PUT /api/me/language}), else the first of French and English her browser or Modeler asks for,
 * else English, the REST API's language when nobody says (as {@code RequestLanguage}).
 * <p>
 * Asked inside the engine's deployment command: the engine's authentication names her (the REST API's
 * filter runs each request as its user), and the HTTP request is Spring's, bound to the thread by its
 * request-context filter on every path, {@code /engine-rest} included. A deployment from Java code has
 * neither, and gets English.
 */
public final class DeployersLanguage implements Supplier<Locale> {

    @Override
    public Locale get() {
        CommandContext command = Context.getCommandContext();
        Authentication deployer = command == null ? null : command.getAuthentication();
        String profile = deployer == null || deployer.getUserId() == null ? null
                : new GetUserInfoCmd(deployer.getUserId(), PageTexts.PROFILE_LANGUAGE).execute(command);
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest() : null;
        return Locale.forLanguageTag(PageTexts.chosenLanguage(profile, request).orElse("en"));
    }
}

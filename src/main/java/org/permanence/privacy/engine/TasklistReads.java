package org.permanence.privacy.engine;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.permanence.system.PersonalDataRead;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task form showing a case's variables is a read of what the case is about: Tasklist fetches them from
 * {@code /camunda/api/engine/engine/default/task/{id}/form-variables} (or {@code /variables}), scripts from
 * {@code /engine-rest/task/{id}/…}. When the engine answered 200 (its tenant check passed), the read goes to
 * the access log: the call of a call-intake case (its id, or the case's while the call has no row yet), the
 * document of a classification case. The engine's answer has been sent by then: a log that cannot be written
 * is reported in the node's log, the read has happened.
 */
class TasklistReads extends OncePerRequestFilter {

    private static final Pattern TASK_VARIABLES = Pattern.compile(
            "^(?:/camunda/api/engine/engine/[^/]+|/engine-rest(?:/engine/[^/]+)?)/task/([^/]+)/(?:form-variables|variables)$");
    private static final String DOCUMENT_CASE = "document:";

    private final TaskService tasks;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    TasklistReads(TaskService tasks, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.GET.matches(request.getMethod()) || !TASK_VARIABLES.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // who: taken before the chain, which clears the security context on its way out
        Optional<String> reader = reader(request);
        chain.doFilter(request, response);
        if (response.getStatus() != HttpServletResponse.SC_OK || reader.isEmpty()) {
            return;
        }
        Matcher matcher = TASK_VARIABLES.matcher(request.getRequestURI());
        if (!matcher.matches()) {
            return;
        }
        try {
            read(reader.get(), matcher.group(1));
        } catch (RuntimeException e) {
            logger.warn("The read of task " + matcher.group(1) + "'s variables by " + reader.get() + " could not be logged: " + e);
        }
    }

    private void read(String reader, String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            return;
        }
        String caseId = task.getProcessInstanceId();
        String businessKey = jdbc.sql("select BUSINESS_KEY_ from ACT_RU_EXECUTION where ID_ = ?").param(caseId).query(String.class)
                .optional().orElse(null);
        if (businessKey != null && businessKey.startsWith(DOCUMENT_CASE)) {
            events.publishEvent(new PersonalDataRead(reader, task.getTenantId(), PersonalDataRead.Item.DOCUMENT,
                    businessKey.substring(DOCUMENT_CASE.length()), PersonalDataRead.Way.TASKLIST));
            return;
        }
        String callId = jdbc.sql("select id from call where process_instance_id = ?").param(caseId).query(String.class).optional().orElse(caseId);
        events.publishEvent(new PersonalDataRead(reader, task.getTenantId(), PersonalDataRead.Item.CALL, callId, PersonalDataRead.Way.TASKLIST));
    }

    private static Optional<String> reader(HttpServletRequest request) {
        var signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated() && request.getRequestURI().startsWith("/engine-rest")) {
            return Optional.of(signedIn.getName());
        }
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null : authentications.getAuthenticationForProcessEngine("default");
        return authentication instanceof UserAuthentication user ? Optional.of(user.getIdentityId()) : Optional.empty();
    }
}

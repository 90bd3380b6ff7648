package org.permanence.drafting;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.people.SignedInUser;
import org.permanence.security.SignedInUsers;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * <em>Écrire un mail</em>'s start form (forms/write-a-mail.form) as Tasklist loads it, with its lists filled in for
 * whoever opens it: the clients she serves, by name, and the templates of the client she picks. Tasklist gives a start
 * form no variables ({@code valuesKey} reads nothing there, unlike in a task's form), so the lists travel in the form:
 * the clients as its values, the templates as a FEEL context by client id that the form reads with the client picked.
 * Runs after Spring Security, as the signed-in user; every other form, and a form for nobody signed in, goes as it is.
 */
@Component
@EngineNode
class WriteAMailLists extends OncePerRequestFilter {

    static final String FORM_ID = "write-a-mail";
    private static final String CLIENT_KEY = "clientId";
    private static final String TEMPLATE_KEY = "templateCode";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clients clients;
    private final MailTemplates templates;

    WriteAMailLists(Clients clients, MailTemplates templates) {
        this.clients = clients;
        this.templates = templates;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Tasklist's own engine API and the REST API both serve a process's start form there
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().endsWith("/deployed-start-form");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SignedInUser user = SignedInUsers.of(request).orElse(null);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper served = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, served);
        JsonNode form = served.getStatus() == HttpServletResponse.SC_OK ? readForm(served.getContentAsByteArray()) : null;
        if (form == null || !FORM_ID.equals(form.path("id").asText())) {
            served.copyBodyToResponse();
            return;
        }
        byte[] filled = JSON.writeValueAsBytes(withLists((ObjectNode) form, clients.visibleTo(user)));
        served.resetBuffer();
        served.setContentLength(filled.length);
        served.getOutputStream().write(filled);
        served.copyBodyToResponse();
    }

    /** The form with the lists of these clients: hers, by name; for each, its templates by name. */
    ObjectNode withLists(ObjectNode form, List<Client> hers) {
        ArrayNode clientList = component(form, CLIENT_KEY).putArray("values");
        hers.forEach(client -> clientList.addObject().put("label", client.name()).put("value", client.id()));
        component(form, TEMPLATE_KEY).put("valuesExpression", "=get value(" + templatesByClient(hers) + ", " + CLIENT_KEY + ")");
        return form;
    }

    /** A FEEL context: each client's id, and the list of its templates (label, value). */
    private String templatesByClient(List<Client> hers) {
        return hers.stream().map(client -> feelString(client.id()) + ": " + templates.all(client).stream()
                        .map(template -> "{label: " + feelString(template.name()) + ", value: " + feelString(template.code()) + "}")
                        .collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** A FEEL string literal: a client names its templates as it likes, quotes and backslashes included. */
    static String feelString(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static ObjectNode component(ObjectNode form, String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return (ObjectNode) component;
            }
        }
        throw new IllegalStateException("form " + FORM_ID + " has no field " + key);
    }

    private static JsonNode readForm(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}

package org.permanence.drafting;

import java.util.List;
import java.util.Optional;

import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A client's mail templates: read by the secretaries who serve it and by the drafting worker, changed
 * by managers, and never saved when they would not draft a mail.
 */
@Service
public class MailTemplates {

    private final MailTemplateRepository repository;
    private final ClientRepository clients;
    private final Drafting drafting;
    private final DefaultTemplates defaults;

    MailTemplates(MailTemplateRepository repository, ClientRepository clients, Drafting drafting, DefaultTemplates defaults) {
        this.repository = repository;
        this.clients = clients;
        this.drafting = drafting;
        this.defaults = defaults;
    }

    public List<MailTemplate> all(Client client) {
        return repository.all(client.id());
    }

    public MailTemplate get(Client client, String code) {
        return repository.find(client.id(), code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Client '" + client.id() + "' has no template '" + code + "'"));
    }

    /** Creates or replaces the template {@code code}, after trying it on sample facts. */
    public MailTemplate save(Client client, String code, MailTemplate template) {
        if (!code.equals(template.code())) {
            throw new InvalidRequest(List.of(FieldProblem.of("code", "id.notTheAddressed",
                    "is '" + template.code() + "' but the address names '" + code + "'", template.code(), code)));
        }
        List<FieldProblem> problems = problems(client, template);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        repository.save(client.id(), template);
        return template;
    }

    /** What keeps this template from drafting a mail for the client, as {@link #save} checks it; empty when it is fine. */
    public List<FieldProblem> problems(Client client, MailTemplate template) {
        return drafting.problems(client, template);
    }

    /** The office's usual templates in this language (fr or en), which every new client starts with. */
    public static List<MailTemplate> usual(String language) {
        return List.copyOf(DefaultTemplates.usual(language).values());
    }

    public void delete(Client client, String code) {
        if (!repository.delete(client.id(), code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Client '" + client.id() + "' has no template '" + code + "'");
        }
    }

    /** The draft of this client's template for a case; what the drafting worker calls. */
    public Draft draft(String clientId, String code, CaseFacts facts) {
        Client client = (clientId == null ? Optional.<Client>empty() : clients.findById(clientId))
                .orElseThrow(() -> new DraftImpossible("aucun client n'a l'identifiant « " + clientId + " »"));
        defaults.ensure(client);
        MailTemplate template = repository.find(clientId, code)
                .orElseThrow(() -> new DraftImpossible(client.name() + " n'a pas de modèle « " + code + " »"));
        return drafting.draft(client, template, facts);
    }

    /**
     * The request names no known client or a template the client does not have (deleted since, or
     * mistyped in the start form): a secretary must correct it, retrying would not help.
     */
    public static class DraftImpossible extends RuntimeException {
        DraftImpossible(String message) {
            super(message);
        }
    }
}

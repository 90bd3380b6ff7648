package org.permanence.clients;

import java.util.List;

import jakarta.validation.Valid;
import org.permanence.people.SignedInUser;
import org.permanence.system.FieldProblem;
import org.permanence.system.FieldProblems;
import org.permanence.system.InvalidRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.permanence.system.EngineNode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Clients' settings for managers (create with their secretaries, read and change) and secretaries (read their own clients). */
@RestController
@EngineNode
@RequestMapping("/api/clients")
class ClientController {

    private final Clients clients;
    private final FieldProblems says;

    ClientController(Clients clients, FieldProblems says) {
        this.clients = clients;
        this.says = says;
    }

    @GetMapping
    List<Client> list(SignedInUser user) {
        return clients.visibleTo(user);
    }

    @GetMapping("/{id}")
    Client get(SignedInUser user, @PathVariable String id) {
        return clients.get(user, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Client create(SignedInUser user, @RequestBody NewClient body) {
        // checked here rather than by @Valid, which would name the fields "client.id"…: the settings are the body's own fields
        List<FieldProblem> invalid = says.check(body.client(), "client", "", LocaleContextHolder.getLocale());
        if (!invalid.isEmpty()) {
            throw new InvalidRequest(invalid);
        }
        return clients.create(body.client(), body.secretaries());
    }

    @PutMapping("/{id}")
    Client update(SignedInUser user, @PathVariable String id, @Valid @RequestBody Client client) {
        return clients.update(id, client);
    }
}

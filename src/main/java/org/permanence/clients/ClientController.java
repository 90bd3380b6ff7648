package org.permanence.clients;

import java.util.List;

import jakarta.validation.Valid;
import org.permanence.people.SignedInUser;
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

/** Clients' settings for managers (read and change) and secretaries (read their own clients). */
@RestController
@EngineNode
@RequestMapping("/api/clients")
class ClientController {

    private final Clients clients;

    ClientController(Clients clients) {
        this.clients = clients;
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
    Client create(SignedInUser user, @Valid @RequestBody Client client) {
        return clients.create(client);
    }

    @PutMapping("/{id}")
    Client update(SignedInUser user, @PathVariable String id, @Valid @RequestBody Client client) {
        return clients.update(id, client);
    }
}

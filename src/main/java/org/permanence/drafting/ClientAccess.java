package org.permanence.drafting;

import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who may see and change a client's writing settings: its secretaries read them, managers change them. */
@Component
@EngineNode
class ClientAccess {

    private final Clients clients;

    ClientAccess(Clients clients) {
        this.clients = clients;
    }

    /** The client, for a user who serves it; another client's answer 404, as in {@code /api/clients/{id}}. */
    Client read(SignedInUser user, String id) {
        return clients.get(user, id);
    }

    /** The client, for a manager; a secretary who serves it gets 403 saying what she may not change. */
    Client manage(SignedInUser user, String id, String what) {
        Client client = clients.get(user, id);
        if (!user.isManager()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only managers change " + what);
        }
        return client;
    }
}

package org.permanence.drafting;

import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/** Whose writing settings a user reaches: those of the clients she serves. That only managers change them is OfficeAccess's rule. */
@Component
@EngineNode
class ClientAccess {

    private final Clients clients;

    ClientAccess(Clients clients) {
        this.clients = clients;
    }

    /** The client, for a user who serves it; another client's answer 404, as in {@code /api/clients/{id}}. */
    Client served(SignedInUser user, String id) {
        return clients.get(user, id);
    }
}

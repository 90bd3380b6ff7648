package org.permanence.people;

import java.util.List;

/** The person behind a request to the application's own API and pages. */
public record SignedInUser(String id, List<String> groups, List<String> clients) {

    public boolean isManager() {
        return groups.contains(Groups.MANAGERS);
    }

    /** Managers see every client; a secretary only those she serves (her tenants). */
    public boolean serves(String clientId) {
        return isManager() || clients.contains(clientId);
    }
}

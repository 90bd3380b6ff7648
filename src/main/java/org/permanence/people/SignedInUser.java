package org.permanence.people;

import java.util.List;

/** The person behind a request to the application's own API and pages. */
public record SignedInUser(String id, List<String> groups, List<String> clients) {

    /** Managers, and the administrator created on Camunda Admin's first-start page, run the office. */
    public boolean isManager() {
        return groups.contains(Groups.MANAGERS) || groups.contains(Groups.CAMUNDA_ADMIN);
    }

    /** Managers see every client; a secretary only those she serves (her tenants). */
    public boolean serves(String clientId) {
        return isManager() || clients.contains(clientId);
    }
}

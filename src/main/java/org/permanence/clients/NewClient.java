package org.permanence.clients;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The body of {@code POST /api/clients}: the client's settings as {@link Client} names them, and beside them
 * {@code secretaries}, the ids of those who serve it (optional; an unknown one is refused, never ignored).
 */
class NewClient {

    @JsonUnwrapped
    private Client client;
    private List<String> secretaries = List.of();

    Client client() {
        return client;
    }

    List<String> secretaries() {
        return secretaries;
    }

    void setClient(Client client) {
        this.client = client;
    }

    void setSecretaries(List<String> secretaries) {
        this.secretaries = secretaries == null ? List.of() : secretaries;
    }
}

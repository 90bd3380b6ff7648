package org.permanence.people;

/** The account the external-task workers sign in to the engine REST API with. */
public record ServiceAccount(String user, String password) {

    @Override
    public String toString() {
        return "ServiceAccount[" + user + "]";
    }
}

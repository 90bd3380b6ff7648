package org.permanence.clients;

/**
 * Published inside the transaction that saved a client's settings, for the features that must follow
 * them (the daily summary's schedule). An event rather than a call, so that clients need not know
 * those features, which themselves read clients.
 */
public record ClientSettingsSaved(Client client) {
}

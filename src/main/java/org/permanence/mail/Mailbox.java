package org.permanence.mail;

/** An IMAP mailbox to read: the server, the account, and the folder the mail arrives in. */
public record Mailbox(String host, int port, String username, String password, String folder) {

    @Override
    public String toString() {
        return username + "@" + host + ":" + port + "/" + folder;
    }
}

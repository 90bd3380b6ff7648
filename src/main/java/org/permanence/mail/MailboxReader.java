package org.permanence.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import java.util.function.Predicate;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.springframework.stereotype.Component;

/**
 * Reads the mail people send us over IMAP (the secretariat mailbox for drafting, the clients'
 * document mailboxes): hands each unread mail over and marks it read only once it was taken; the
 * mail stays in the mailbox. Marking read is a convenience, not the guarantee of "once": the server
 * may forget flags (the embedded one does on restart), so each feature claims a mail by its
 * Message-ID in its own table.
 */
@Component
public class MailboxReader {

    /** Each unread mail of {@code mailbox} to {@code take}, which answers whether it is done with it; answers how many were taken. */
    public int readNew(Mailbox mailbox, int maxBytes, Predicate<IncomingMail> take) throws MessagingException {
        Properties imap = new Properties();
        imap.put("mail.imap.connectiontimeout", "5000");
        imap.put("mail.imap.timeout", "30000");
        Store store = Session.getInstance(imap).getStore("imap");
        store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
        try {
            Folder inbox = store.getFolder(mailbox.folder());
            if (!inbox.exists()) {
                return 0;
            }
            inbox.open(Folder.READ_WRITE);
            try {
                int taken = 0;
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (take.test(IncomingMail.read(raw(message), maxBytes))) {
                        message.setFlag(Flags.Flag.SEEN, true);
                        taken++;
                    }
                }
                return taken;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static byte[] raw(Message message) throws MessagingException {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            return raw.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("Could not download message " + message.getMessageNumber(), e);
        }
    }
}

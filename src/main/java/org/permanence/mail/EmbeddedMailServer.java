package org.permanence.mail;

import java.util.Objects;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The embedded default's mail server (GreenMail): SMTP for what Permanence sends, IMAP for the
 * secretariat mailboxes it reads. GreenMail keeps mail in memory only, so every delivery is first
 * written to the {@link MailFolder} and the folder is loaded back at start-up.
 */
public class EmbeddedMailServer implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private static final long STARTUP_PATIENCE_MS = 30_000;

    private final GreenMail greenMail;
    private final org.permanence.mail.MailFolder folder;

    public EmbeddedMailServer(MailProperties properties, org.permanence.mail.MailFolder folder) {
        this.folder = folder;
        this.greenMail = new GreenMail(new ServerSetup[] {
                loopback(properties.smtpPort(), ServerSetup.PROTOCOL_SMTP),
                loopback(properties.imapPort(), ServerSetup.PROTOCOL_IMAP)})
                // mailboxes are created on first delivery; only loopback can reach the server
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    private static ServerSetup loopback(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        // GreenMail gives its listener threads 2 s by default; a 2-core machine busy starting the
        // engine (or two nodes at once) has missed that, and the whole node then failed to start
        setup.setServerStartupTimeout(STARTUP_PATIENCE_MS);
        return setup;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        greenMail.start();
        UserManager users = greenMail.getUserManager();
        int restored = 0;
        for (StoredMail mail : folder.all()) {
            mailbox(users, mail.mailbox()).deliver(mail.message());
            restored++;
        }
        MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            folder.save(address.getEmail(), message.getMessage());
            return deliver.handle(message, address);
        });
        log.info("Embedded mail server: SMTP on 127.0.0.1:{}, IMAP on 127.0.0.1:{}, {} kept message(s) restored",
                greenMail.getSmtp().getPort(), greenMail.getImap().getPort(), restored);
    }

    private static GreenMailUser mailbox(UserManager users, String address) throws UserException {
        GreenMailUser user = users.getUserByEmail(address);
        return user != null ? user : users.createUser(address, address, address);
    }

    /**
     * Removes a kept message everywhere the server holds it: its file, and its copy in the mailbox IMAP
     * readers see (else it would come back from memory until the next restart, and from the file after it).
     */
    public void forget(StoredMail mail) {
        folder.delete(mail);
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(mail.mailbox());
        if (user == null) {
            return;
        }
        try {
            String messageId = mail.message().getMessageID();
            MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
            boolean found = false;
            for (StoredMessage held : inbox.getMessages()) {
                if (Objects.equals(held.getMimeMessage().getMessageID(), messageId)) {
                    held.setFlag(Flags.Flag.DELETED, true);
                    found = true;
                }
            }
            if (found) {
                inbox.expunge();
            }
        } catch (FolderException | MessagingException e) {
            throw new IllegalStateException("Could not remove mail " + mail.id() + " from mailbox " + mail.mailbox(), e);
        }
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}

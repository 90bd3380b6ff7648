package org.permanence.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
    private final MailFolder folder;

    public EmbeddedMailServer(MailProperties properties, MailFolder folder) {
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

    @Override
    public void destroy() {
        greenMail.stop();
    }
}

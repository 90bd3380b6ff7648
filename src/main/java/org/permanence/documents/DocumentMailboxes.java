package org.permanence.documents;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.permanence.system.BackgroundThreads;
import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.mail.MailboxReader;
import org.permanence.system.EngineNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads every client's document mailbox each {@code permanence.documents.mail.poll-every} and takes
 * the new mails in ({@link DocumentMails}). One mailbox that cannot be read is logged and the others
 * are still read; its mails wait there for the next turn.
 */
@Component
@EngineNode
class DocumentMailboxes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DocumentMailboxes.class);

    private final MailboxReader reader;
    private final DocumentMails mails;
    private final ClientRepository clients;
    private final DocumentMailProperties settings;
    private final ScheduledExecutorService polling = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("document-mailboxes"));

    DocumentMailboxes(MailboxReader reader, DocumentMails mails, ClientRepository clients, DocumentMailProperties settings) {
        this.reader = reader;
        this.mails = mails;
        this.clients = clients;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startReading() {
        if (settings.enabled()) {
            long every = settings.pollEvery().toMillis();
            polling.scheduleWithFixedDelay(this::readAll, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void readAll() {
        for (Client client : clients.findAll()) {
            try {
                read(client.id());
            } catch (Exception e) {
                log.warn("Could not read the document mailbox {} of client {}: {}", settings.of(client.id()), client.id(), e.toString());
            }
        }
    }

    /**
     * Reads one client's mailbox now; answers how many mails it took (new or taken before). One reader at
     * a time on this node, so that the background turn and a direct call do not take the same mail twice.
     */
    synchronized int read(String clientId) throws Exception {
        return reader.readNew(settings.of(clientId), settings.maxBytes(), mail -> {
            mails.take(clientId, mail);
            return true;
        });
    }

    @Override
    public void destroy() {
        polling.shutdownNow();
    }
}

package org.permanence.drafting.engine;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.permanence.drafting.DraftingProperties;
import org.permanence.drafting.IncomingMails;
import org.permanence.mail.IncomingMail;
import org.permanence.mail.MailboxReader;
import org.permanence.system.BackgroundThreads;
import org.permanence.system.EngineNode;
import org.permanence.system.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the secretariat mailbox every {@code permanence.drafting.incoming.poll-every} and starts one
 * mail-drafting case per new mail, in the same transaction as the mail's claim: a crash leaves the
 * mail unclaimed and it is read again; a mail read again (restart, another node) is skipped. An
 * automatic mail (out-of-office reply, bounce…) is claimed and kept the same way, and starts no case.
 */
@Component
@EngineNode
class IncomingClientMail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IncomingClientMail.class);

    private final MailboxReader mailbox;
    private final IncomingMails incoming;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final DraftingProperties.Incoming settings;
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("secretariat-mailbox"));

    IncomingClientMail(MailboxReader mailbox, IncomingMails incoming, RuntimeService runtime, TransactionTemplate transaction,
                       DraftingProperties properties) {
        this.mailbox = mailbox;
        this.incoming = incoming;
        this.runtime = runtime;
        this.transaction = transaction;
        this.settings = properties.incoming();
    }

    @EventListener(ApplicationReadyEvent.class)
    void startReading() {
        if (settings.enabled()) {
            long every = settings.pollEvery().toMillis();
            reader.scheduleWithFixedDelay(this::readQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Reads the mailbox now; answers how many mails it took (started or found taken before). One reader at a
     * time on this node: the background turn and a direct call reading the same new mail at once made one
     * of them fail on the claim's primary key.
     */
    synchronized int readNow() throws Exception {
        return mailbox.readNew(settings.mailbox(), settings.maxBytes(),
                mail -> Boolean.TRUE.equals(transaction.execute(status -> take(mail))));
    }

    private boolean take(IncomingMail mail) {
        if (!incoming.claim(mail)) {
            return true;
        }
        if (mail.automatic() != null) {
            // answering an out-of-office reply can make two robots write to each other forever
            incoming.keepAutomatic(mail);
            return true;
        }
        Map<String, Object> variables = incoming.keep(mail);
        String caseId = runtime.startProcessInstanceByKey("mail-drafting", "mail-" + mail.key(), variables).getId();
        String problem = (String) variables.get("incomingProblem");
        incoming.started(mail, caseId, problem);
        log.info("Mail {} from {} started mail-drafting case {}{}", PlainText.forLog(mail.messageId()), PlainText.forLog(mail.from()), caseId,
                problem == null ? "" : " for a secretary to examine: " + PlainText.forLog(problem));
        return true;
    }

    private void readQuietly() {
        try {
            readNow();
        } catch (Exception e) {
            // the mailbox or the database is down: the mails wait there, read at the next turn
            log.warn("Could not read the secretariat mailbox {}@{}:{}: {}", settings.username(), settings.host(), settings.port(),
                    e.toString());
        }
    }

    @Override
    public void destroy() {
        reader.shutdownNow();
    }
}

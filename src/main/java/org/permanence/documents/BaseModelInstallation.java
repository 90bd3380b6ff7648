package org.permanence.documents;

import org.permanence.system.WorkerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Installs the base model shipped in the product ({@link BaseModel}) at start-up when the store's
 * current base model is another (a fresh installation, or one from an earlier release): a new
 * office classifies from its first document, with no corpus beside it. Clients' models trained on
 * the previous base keep serving until a secretary's next answer retrains them.
 */
@Component
@WorkerNode
class BaseModelInstallation {

    private static final Logger log = LoggerFactory.getLogger(BaseModelInstallation.class);

    private final ClientModels models;

    BaseModelInstallation(ClientModels models) {
        this.models = models;
    }

    @EventListener(ApplicationReadyEvent.class)
    void installWhenNew() {
        models.installBase(BaseModel.shippedVersion(), BaseModel::shipped).ifPresent(installed ->
                log.info("Base document model {} installed: {} categories from {} documents", installed.model().version(),
                        installed.model().categories().size(), installed.examples().size()));
    }
}

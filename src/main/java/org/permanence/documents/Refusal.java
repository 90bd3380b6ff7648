package org.permanence.documents;

import java.io.IOException;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.permanence.documents.Reading.Outcome;
import org.xml.sax.SAXException;

/** A reason to stop reading that will not change on a retry. */
final class Refusal extends Exception {

    private final Outcome outcome;

    Refusal(Outcome outcome, String reason) {
        super(reason);
        this.outcome = outcome;
    }

    static Refusal of(Throwable cause) {
        if (cause instanceof EncryptedDocumentException) {
            return new Refusal(Outcome.ENCRYPTED, "Le document est protégé par un mot de passe : demander au client une version sans mot de passe.");
        }
        if (cause instanceof TikaMemoryLimitException || String.valueOf(cause.getMessage()).contains("Zip bomb")) {
            return new Refusal(Outcome.SUSPICIOUS, "Le fichier se décompresse en un volume anormal (bombe de décompression) : il n'est pas ouvert.");
        }
        if (cause instanceof TikaException || cause instanceof IOException || cause instanceof SAXException) {
            return new Refusal(Outcome.CORRUPT, "Le document est endommagé et ne peut pas être lu (" + cause.getMessage() + ").");
        }
        return new Refusal(Outcome.CORRUPT, "Le document ne peut pas être lu (" + cause + ").");
    }

    Outcome outcome() {
        return outcome;
    }

    Reading reading(String mediaType) {
        return Reading.refused(outcome, mediaType, getMessage());
    }
}

package org.permanence.privacy;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.manage.engine.PageTexts;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/** An erasure's receipt as text, in the client's language and time zone: what it forwards to the person who asked. */
@Component
@EngineNode
class Receipts {

    private final ClientRepository clients;
    private final PageTexts texts;

    Receipts(ClientRepository clients, PageTexts texts) {
        this.clients = clients;
        this.texts = texts;
    }

    String text(Erasure.Receipt receipt) {
        Client client = clients.findById(receipt.clientId()).orElseThrow();
        String language = client.language();
        String at = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.forLanguageTag(client.language()))
                .format(receipt.erasedAt().atZone(ZoneId.of(client.timeZone())));
        StringBuilder text = new StringBuilder()
                .append(fill(texts.text(language, "privacy.receipt.title"), receipt.id())).append("\n\n")
                .append(fill(texts.text(language, "privacy.receipt.intro"), client.name(), at, receipt.erasedBy())).append("\n\n");
        line(text, language, "privacy.receipt.calls", receipt.calls());
        line(text, language, "privacy.receipt.messages", receipt.messages());
        line(text, language, "privacy.receipt.appointments", receipt.appointments());
        line(text, language, "privacy.receipt.mails", receipt.mails());
        line(text, language, "privacy.receipt.documents", receipt.documents());
        line(text, language, "privacy.receipt.objects", receipt.storedObjects());
        line(text, language, "privacy.receipt.mailFiles", receipt.mailFiles());
        line(text, language, "privacy.receipt.casesEnded", receipt.casesEnded());
        line(text, language, "privacy.receipt.casesForgotten", receipt.casesForgotten());
        return text.append('\n').append(texts.text(language, "privacy.receipt.after")).append('\n').toString();
    }

    /** The text with {0}, {1}… replaced; not MessageFormat, which would eat the apostrophes of the English. */
    private static String fill(String text, Object... values) {
        String filled = text;
        for (int i = 0; i < values.length; i++) {
            filled = filled.replace("{" + i + "}", String.valueOf(values[i]));
        }
        return filled;
    }

    private void line(StringBuilder text, String language, String key, int count) {
        text.append(fill(texts.text(language, "privacy.receipt.line"), texts.text(language, key), String.valueOf(count))).append('\n');
    }
}

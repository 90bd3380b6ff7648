package org.permanence.drafting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.clients.ClientSettingsSaved;
import org.permanence.drafting.MailTemplate.Kind;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every client starts with the office's usual templates in its language (resources
 * templates/drafting/{fr,en}/, first line the subject): an answer to a caller, a letter, a reminder.
 * Managers then adapt them; a client that already has templates is left alone.
 */
@Component
class DefaultTemplates implements ApplicationRunner {

    private record Usual(String code, Kind kind, Map<String, String> names) {
    }

    private static final Usual[] USUAL = {
            new Usual("answer", Kind.EMAIL, Map.of("fr", "Réponse à l'appelant", "en", "Answer to the caller")),
            new Usual("letter", Kind.LETTER, Map.of("fr", "Courrier", "en", "Letter")),
            new Usual("reminder", Kind.EMAIL, Map.of("fr", "Relance", "en", "Reminder"))};

    private final MailTemplateRepository repository;
    private final ClientRepository clients;

    DefaultTemplates(MailTemplateRepository repository, ClientRepository clients) {
        this.repository = repository;
        this.clients = clients;
    }

    /** Clients set up before mail drafting existed get the usual templates too. */
    @Override
    public void run(ApplicationArguments arguments) {
        clients.findAll().forEach(this::ensure);
    }

    @EventListener
    void settingsSaved(ClientSettingsSaved saved) {
        if (saved.previous() == null) {
            ensure(saved.client());
        }
    }

    void ensure(Client client) {
        if (repository.any(client.id())) {
            return;
        }
        usual(client.language()).values().forEach(template -> repository.addIfMissing(client.id(), template));
    }

    static Map<String, MailTemplate> usual(String language) {
        Map<String, MailTemplate> templates = new LinkedHashMap<>();
        for (Usual usual : USUAL) {
            String file = read("templates/drafting/" + language + "/" + usual.code() + ".txt");
            int endOfSubject = file.indexOf('\n');
            templates.put(usual.code(), new MailTemplate(usual.code(), usual.names().get(language), usual.kind(),
                    file.substring(0, endOfSubject).strip(), file.substring(endOfSubject + 1).strip() + "\n"));
        }
        return templates;
    }

    private static String read(String resource) {
        try (InputStream in = DefaultTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The usual template " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

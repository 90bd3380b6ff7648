package org.permanence.clients;

import java.util.ArrayList;
import java.util.List;

import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.permanence.telephony.PhoneNumbers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The office's clients as managers set them up and secretaries read them: every change is checked
 * against {@link ClientRules}, phone numbers are kept in E.164, and each client has its tenant.
 */
@Service
@EngineNode
public class Clients {

    private final ClientRepository repository;
    private final ClientTenants tenants;
    private final ApplicationEventPublisher events;

    Clients(ClientRepository repository, ClientTenants tenants, ApplicationEventPublisher events) {
        this.repository = repository;
        this.tenants = tenants;
        this.events = events;
    }

    public List<Client> visibleTo(SignedInUser user) {
        return user.isManager() ? repository.findAll() : repository.findAllIn(user.clients());
    }

    public Client get(SignedInUser user, String id) {
        // a client the user does not serve is answered like a missing one: no probing for names
        return repository.findById(id).filter(client -> user.serves(client.id()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No client '" + id + "'"));
    }

    @Transactional
    public Client create(Client client) {
        if (repository.exists(client.id())) {
            throw new InvalidRequest(List.of(FieldProblem.of("id", "client.id.taken", "a client '" + client.id() + "' already exists", client.id())));
        }
        return store(client);
    }

    @Transactional
    public Client update(String id, Client client) {
        if (!id.equals(client.id())) {
            throw new InvalidRequest(List.of(FieldProblem.of("id", "id.notTheAddressed",
                    "is '" + client.id() + "' but the address names '" + id + "'", client.id(), id)));
        }
        if (!repository.exists(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No client '" + id + "'");
        }
        return store(client);
    }

    /** Saves settings that come from the office itself (the demo data), with the same checks. */
    @Transactional
    public Client store(Client client) {
        List<FieldProblem> problems = new ArrayList<>(ClientRules.check(client));
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        Client normalised = withE164Lines(client);
        for (int i = 0; i < normalised.phoneLines().size(); i++) {
            String number = normalised.phoneLines().get(i).number();
            int line = i;
            repository.clientOfLine(number).filter(owner -> !owner.equals(client.id())).ifPresent(owner ->
                    problems.add(FieldProblem.of("phoneLines[" + line + "].number", "client.phoneLine.taken",
                            number + " is already a line of client '" + owner + "'", number, owner)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        Client previous = repository.findById(normalised.id()).orElse(null);
        repository.save(normalised);
        tenants.ensure(normalised.id(), normalised.name());
        Client saved = repository.findById(normalised.id()).orElseThrow();
        events.publishEvent(new ClientSettingsSaved(previous, saved));
        return saved;
    }

    private static Client withE164Lines(Client client) {
        List<Client.PhoneLine> lines = client.phoneLines().stream()
                .map(line -> new Client.PhoneLine(PhoneNumbers.e164(line.number()).orElseThrow(), line.label()))
                .toList();
        return new Client(client.id(), client.name(), client.language(), client.timeZone(), lines, client.openingHours(),
                client.appointmentTypes(), client.briefing(), client.contactRules(), client.documentCategories(),
                client.classificationThreshold(), client.nameInSentence());
    }
}

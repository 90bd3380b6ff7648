package org.permanence.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.permanence.clients.engine.ClientTenants;
import org.permanence.people.SignedInUser;
import org.permanence.people.engine.Team;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
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
    private final Team team;
    private final ApplicationEventPublisher events;

    Clients(ClientRepository repository, ClientTenants tenants, Team team, ApplicationEventPublisher events) {
        this.repository = repository;
        this.tenants = tenants;
        this.team = team;
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

    /**
     * A new client, its tenant, and the secretaries who serve it (members of that tenant: its calls reach
     * them). Every problem is found at once — the rules, an id or a line another client already has, a
     * secretary who is not one — and nothing is saved unless there is none.
     */
    @Transactional
    public Client create(Client client, List<String> secretaries) {
        List<FieldProblem> problems = newClientProblems(client, secretaries);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        Client created = store(client);
        secretaries.forEach(secretary -> tenants.addSecretary(created.id(), secretary));
        return created;
    }

    /**
     * What stops this client from being created with these secretaries, every problem at once. Fields left
     * empty are Bean Validation's to report (checked first by the caller): the rules skip them.
     */
    public List<FieldProblem> newClientProblems(Client client, List<String> secretaries) {
        List<FieldProblem> problems = new ArrayList<>();
        if (client.id() != null && repository.exists(client.id())) {
            problems.add(FieldProblem.of("id", "client.id.taken", "a client '" + client.id() + "' already exists", client.id()));
        }
        problems.addAll(ClientRules.check(client));
        problems.addAll(linesTaken(client));
        Set<String> known = team.everyone().stream().map(Team.Secretary::id).collect(Collectors.toSet());
        for (int i = 0; i < secretaries.size(); i++) {
            String id = secretaries.get(i);
            if (!known.contains(id)) {
                problems.add(FieldProblem.of("secretaries[" + i + "]", "team.notASecretary", "'" + id + "' is not a secretary", id));
            }
        }
        return problems;
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
        problems.addAll(linesTaken(client));
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        Client normalised = withE164Lines(client);
        Client previous = repository.findById(normalised.id()).orElse(null);
        repository.save(normalised);
        tenants.ensure(normalised.id(), normalised.name());
        Client saved = repository.findById(normalised.id()).orElseThrow();
        events.publishEvent(new ClientSettingsSaved(previous, saved));
        return saved;
    }

    /** The lines (those that are phone numbers) another client already answers on. */
    private List<FieldProblem> linesTaken(Client client) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < client.phoneLines().size(); i++) {
            String field = "phoneLines[" + i + "].number";
            PhoneNumbers.e164(client.phoneLines().get(i).number()).ifPresent(number ->
                    repository.clientOfLine(number).filter(owner -> !owner.equals(client.id())).ifPresent(owner ->
                            problems.add(FieldProblem.of(field, "client.phoneLine.taken",
                                    number + " is already a line of client '" + owner + "'", number, owner))));
        }
        return problems;
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

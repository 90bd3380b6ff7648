package org.permanence.proposals;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The secretaries' voice on their clients' instructions: she proposes a change to a client she serves, with a reason;
 * a manager applies it (through {@link Clients}, with every check a manager's own edit gets, so the next call's
 * briefing card reads it) or declines it, with a word back she reads on her page.
 */
@Service
@EngineNode
public class Proposals {

    /** How many of her own proposals her page shows, and how many decided ones the managers' page keeps in view. */
    static final int SHOWN = 30;

    private final ProposalRecords records;
    private final Clients clients;
    private final Clock clock;

    @Autowired
    Proposals(ProposalRecords records, Clients clients) {
        this(records, clients, Clock.systemUTC());
    }

    Proposals(ProposalRecords records, Clients clients, Clock clock) {
        this.records = records;
        this.clients = clients;
        this.clock = clock;
    }

    /** Hers to a client she serves (another is answered as missing, as everywhere); refused with every problem at once. */
    @Transactional
    public Proposal propose(SignedInUser secretary, String clientId, Subject subject, String proposed, String reason) {
        Client client = clients.get(secretary, clientId);
        String value = ProposalRules.normalised(subject, proposed);
        String before = subject.valueIn(client);
        List<FieldProblem> problems = ProposalRules.check(subject, before, value, reason);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        Proposal proposal = new Proposal(UUID.randomUUID().toString(), client.id(), subject, before, value, reason.strip(),
                secretary.id(), clock.instant(), Proposal.State.PENDING, null, null, null);
        records.add(proposal);
        return proposal;
    }

    public List<Proposal> mine(SignedInUser secretary) {
        return records.by(secretary.id(), SHOWN);
    }

    public List<Proposal> pending(SignedInUser manager) {
        requireManager(manager);
        return records.pending();
    }

    public List<Proposal> decided(SignedInUser manager) {
        requireManager(manager);
        return records.decided(SHOWN);
    }

    /** Her value in the client's settings, from the next call on, and the decision recorded; nothing if either fails. */
    @Transactional
    public Proposal apply(SignedInUser manager, String id, String answer) {
        Proposal proposal = decidable(manager, id, true, answer);
        Client current = clients.get(manager, proposal.clientId());
        clients.store(proposal.subject().with(current, proposal.proposed()));
        return decide(manager, proposal, Proposal.State.APPLIED, answer);
    }

    @Transactional
    public Proposal decline(SignedInUser manager, String id, String answer) {
        return decide(manager, decidable(manager, id, false, answer), Proposal.State.DECLINED, answer);
    }

    private Proposal decidable(SignedInUser manager, String id, boolean apply, String answer) {
        requireManager(manager);
        Proposal proposal = records.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No proposal '" + id + "'"));
        List<FieldProblem> problems = ProposalRules.checkDecision(proposal, clients.get(manager, proposal.clientId()), apply, answer);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return proposal;
    }

    private Proposal decide(SignedInUser manager, Proposal proposal, Proposal.State state, String answer) {
        String word = answer == null || answer.isBlank() ? null : answer.strip();
        if (!records.decide(proposal.id(), state, manager.id(), clock.instant(), word)) {
            // another manager decided between our read and our write: our change (if any) rolls back with this
            String first = records.find(proposal.id()).map(Proposal::decidedBy).orElse("?");
            throw new InvalidRequest(List.of(FieldProblem.of("state", "proposal.alreadyDecided", "was already decided by " + first, first)));
        }
        return records.find(proposal.id()).orElseThrow();
    }

    /** The pages' paths already say so (docs/security.md); checked again here for any other caller. */
    private static void requireManager(SignedInUser user) {
        if (!user.isManager()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only managers decide proposals");
        }
    }
}

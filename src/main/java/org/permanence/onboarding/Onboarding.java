package org.permanence.onboarding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import org.permanence.clients.Client;
import org.permanence.clients.ClientTenants;
import org.permanence.clients.Clients;
import org.permanence.manage.Managers;
import org.permanence.people.SignedInUser;
import org.permanence.people.Team;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new client made ready to take calls in one step: its settings (the client API's checks, field by
 * field), its tenant, and the secretaries who serve it as members of that tenant — which is all a
 * call on its line needs to reach them with its briefing. All of it or nothing: one transaction.
 */
@Service
@EngineNode
class Onboarding {

    private final Clients clients;
    private final ClientTenants tenants;
    private final Team team;
    private final Validator validator;

    Onboarding(Clients clients, ClientTenants tenants, Team team, Validator validator) {
        this.clients = clients;
        this.tenants = tenants;
        this.team = team;
        this.validator = validator;
    }

    List<Team.Secretary> secretaries() {
        return team.everyone();
    }

    @Transactional
    Client onboard(SignedInUser user, OnboardingForm form) {
        Managers.require(user, "add clients");
        Client client = form.client();
        List<FieldProblem> problems = new ArrayList<>(form.readingProblems());
        Set<String> read = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
        validator.validate(client).stream()
                .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                .filter(problem -> !read.contains(problem.field()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .forEach(problems::add);
        problems.addAll(teamProblems(form.team()));
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        Client created = clients.create(user, client);
        form.team().forEach(secretary -> tenants.addSecretary(created.id(), secretary));
        return created;
    }

    private List<FieldProblem> teamProblems(List<String> chosen) {
        if (chosen.isEmpty()) {
            return List.of(new FieldProblem("team", "choose at least one secretary: without one, the client's calls reach only the managers"));
        }
        Set<String> secretaries = team.everyone().stream().map(Team.Secretary::id).collect(Collectors.toSet());
        return chosen.stream().filter(id -> !secretaries.contains(id))
                .map(id -> new FieldProblem("team", "'" + id + "' is not a secretary"))
                .toList();
    }
}

package org.permanence.onboarding;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.clients.engine.ClientTenants;
import org.permanence.drafting.MailTemplate;
import org.permanence.drafting.MailTemplates;
import org.permanence.people.engine.Team;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.FieldProblems;
import org.permanence.system.InvalidRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new client made ready to take calls in one step: its settings (the client API's checks, field by
 * field, document categories and filing threshold included), its mail templates (the template API's
 * checks), its tenant, and the secretaries who serve it as members of that tenant — which is all a
 * call on its line needs to reach them with its briefing. All of it or nothing: one transaction.
 */
@Service
@EngineNode
class Onboarding {

    private final Clients clients;
    private final MailTemplates templates;
    private final Team team;
    private final FieldProblems says;

    Onboarding(Clients clients, MailTemplates templates, Team team, FieldProblems says) {
        this.clients = clients;
        this.templates = templates;
        this.team = team;
        this.says = says;
    }

    List<Team.Secretary> secretaries() {
        return team.everyone();
    }

    /**
     * The client, set up; else every problem found — each field's own, the rules across fields, lines and ids
     * other clients have, the templates tried, the team — said in {@code language}, by field as the API names
     * them: the manager corrects them all at once.
     */
    @Transactional
    Created onboard(OnboardingForm form, Locale language) {
        Client client = form.client();
        List<MailTemplate> mailTemplates = form.templates();
        List<FieldProblem> problems = new ArrayList<>(says.say(form.readingProblems(), language));
        addUnread(problems, says.check(client, "client", "", language));
        for (int i = 0; i < mailTemplates.size(); i++) {
            addUnread(problems, says.check(mailTemplates.get(i), "mailTemplate", "templates[" + i + "]", language));
        }
        addUnread(problems, says.say(clients.newClientProblems(client, form.team()), language));
        problems.addAll(says.say(templateProblems(client, mailTemplates, problems), language));
        if (form.team().isEmpty()) {
            problems.add(says.say(FieldProblem.of("team", "team.none",
                    "choose at least one secretary: without one, the client's calls reach only the managers"), language));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        Client created = clients.create(client, form.team());
        return new Created(created, saveTemplates(created, mailTemplates));
    }

    /** A field already said to be wrong (unreadable, or empty) is not said wrong again by a later check. */
    private static void addUnread(List<FieldProblem> problems, List<FieldProblem> more) {
        Set<String> said = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
        more.stream().filter(problem -> !said.contains(problem.field())).forEach(problems::add);
    }

    record Created(Client client, List<MailTemplate> templates) {
    }

    /**
     * Codes used twice, then each template tried on sample facts as the template API tries it. Only a
     * template whose fields are all right is tried, and only once the client's language and time zone are
     * (its date is written in them): until then the page shows those fields' own problems.
     */
    private List<FieldProblem> templateProblems(Client client, List<MailTemplate> mailTemplates, List<FieldProblem> found) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < mailTemplates.size(); i++) {
            String code = mailTemplates.get(i).code();
            if (code != null && !codes.add(code)) {
                problems.add(FieldProblem.of("templates[" + i + "].code", "code.twice", "'" + code + "' is used twice", code));
            }
        }
        Set<String> wrong = found.stream().map(FieldProblem::field).collect(Collectors.toSet());
        if (wrong.contains("language") || wrong.contains("timeZone") || !isTimeZone(client.timeZone())) {
            return problems;
        }
        for (int i = 0; i < mailTemplates.size(); i++) {
            String row = "templates[" + i + "]";
            if (wrong.stream().noneMatch(field -> field.startsWith(row + "."))) {
                templates.problems(client, mailTemplates.get(i)).stream()
                        .map(problem -> new FieldProblem(row + "." + problem.field(), problem.message(), problem.code(), problem.arguments()))
                        .forEach(problems::add);
            }
        }
        return problems;
    }

    /** The page's templates replace the office's usual ones the client was given; none on the page: it keeps those. */
    private List<MailTemplate> saveTemplates(Client created, List<MailTemplate> mailTemplates) {
        if (mailTemplates.isEmpty()) {
            return templates.all(created);
        }
        Set<String> kept = mailTemplates.stream().map(MailTemplate::code).collect(Collectors.toSet());
        templates.all(created).stream().filter(usual -> !kept.contains(usual.code()))
                .forEach(usual -> templates.delete(created, usual.code()));
        mailTemplates.forEach(template -> templates.save(created, template.code(), template));
        return templates.all(created);
    }

    private static boolean isTimeZone(String id) {
        try {
            return id != null && ZoneId.of(id) != null;
        } catch (DateTimeException notAZone) {
            return false;
        }
    }
}

package org.permanence.proposals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.manage.engine.PageTexts;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.FieldProblems;
import org.permanence.system.InvalidRequest;
import org.permanence.system.PageWords;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The two pages of the secretaries' proposals. Hers, {@code /presence/proposals} (from her status page, and from the
 * briefing card of a call with {@code ?client=}): a client's card as it reads now, a change proposed in one form, and
 * her proposals with the managers' answers. The managers', {@code /manage/proposals}: each waiting proposal as a
 * before/after with her reason, applied or declined in one click with a word back, then the history. Words from
 * {@code i18n/proposals*.properties}, in the language of her profile or browser.
 */
@Controller
@EngineNode
class ProposalPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** A proposal as the pages show it: names and times said for the reader, the client's clock. */
    record Shown(String id, String client, Subject subject, String before, String proposed, String reason, String proposedBy,
                 String proposedAt, Proposal.State state, String decidedBy, String decidedAt, String answer) {
    }

    /** One setting of the chosen client's card, as it reads now. */
    record Setting(Subject subject, String now) {
    }

    private final Proposals proposals;
    private final Clients clients;
    private final PageTexts languages;
    private final FieldProblems says;
    private final MessageSource texts;

    ProposalPages(Proposals proposals, Clients clients, PageTexts languages, FieldProblems says, MessageSource texts) {
        this.proposals = proposals;
        this.clients = clients;
        this.languages = languages;
        this.says = says;
        this.texts = texts;
    }

    @GetMapping("/presence/proposals")
    String mine(SignedInUser user, @RequestParam(required = false) String client, Model model, HttpServletRequest request) {
        languages.addTo(model, user, request);
        List<Client> served = clients.visibleTo(user);
        model.addAttribute("clients", served);
        if (client != null && !client.isBlank()) {
            // a client she does not serve is answered as missing, as everywhere
            Client chosen = clients.get(user, client);
            model.addAttribute("client", chosen);
            model.addAttribute("settings", Arrays.stream(Subject.values()).map(subject -> new Setting(subject, subject.valueIn(chosen))).toList());
        }
        model.addAttribute("mine", shown(proposals.mine(user), served));
        return "proposals/mine";
    }

    @PostMapping("/presence/proposals")
    String propose(SignedInUser user, @RequestParam String client, @RequestParam Subject subject, @RequestParam(defaultValue = "") String proposed,
                   @RequestParam(defaultValue = "") String reason, HttpServletRequest request, RedirectAttributes redirect) {
        Locale language = Locale.forLanguageTag(languages.languageOf(user, request));
        try {
            proposals.propose(user, client, subject, proposed, reason);
            redirect.addFlashAttribute("done", texts.getMessage("proposals.sent", null, language));
        } catch (InvalidRequest refused) {
            redirect.addFlashAttribute("problem", said(refused, "proposals.problem", language));
            // what she wrote stays in the form, for her to correct
            redirect.addFlashAttribute("typed", Map.of("subject", subject.name(), "proposed", proposed, "reason", reason));
        }
        redirect.addAttribute("client", client);
        return "redirect:/presence/proposals";
    }

    @GetMapping("/manage/proposals")
    String review(SignedInUser user, Model model, HttpServletRequest request) {
        languages.addTo(model, user, request);
        List<Client> all = clients.visibleTo(user);
        model.addAttribute("pending", shown(proposals.pending(user), all));
        model.addAttribute("decided", shown(proposals.decided(user), all));
        return "proposals/review";
    }

    @PostMapping("/manage/proposals/{id}/apply")
    String apply(SignedInUser user, @PathVariable String id, @RequestParam(required = false) String answer, HttpServletRequest request,
                 RedirectAttributes redirect) {
        return decided(user, request, redirect, "proposals.review.applied", () -> proposals.apply(user, id, answer));
    }

    @PostMapping("/manage/proposals/{id}/decline")
    String decline(SignedInUser user, @PathVariable String id, @RequestParam(required = false) String answer, HttpServletRequest request,
                   RedirectAttributes redirect) {
        return decided(user, request, redirect, "proposals.review.declined", () -> proposals.decline(user, id, answer));
    }

    private String decided(SignedInUser user, HttpServletRequest request, RedirectAttributes redirect, String doneKey,
                           Supplier<Proposal> decision) {
        Locale language = PageWords.speak(request, languages.languageOf(user, request));
        try {
            Proposal proposal = decision.get();
            String client = clients.get(user, proposal.clientId()).name();
            redirect.addFlashAttribute("done", texts.getMessage(doneKey, new Object[]{client, proposal.proposedBy()}, language));
        } catch (InvalidRequest refused) {
            redirect.addFlashAttribute("problem", said(refused, "proposals.review.problem", language));
        }
        return "redirect:/manage/proposals";
    }

    private String said(InvalidRequest refused, String prefix, Locale language) {
        return texts.getMessage(prefix, null, language) + " " + says.say(refused.problems(), language).stream().map(FieldProblem::message)
                .distinct().collect(Collectors.joining(" ; "));
    }

    private static List<Shown> shown(List<Proposal> list, List<Client> known) {
        Map<String, Client> byId = known.stream().collect(Collectors.toMap(Client::id, Function.identity()));
        return list.stream().map(proposal -> {
            Client client = byId.get(proposal.clientId());
            // a client she no longer serves is named by its id, its times in UTC
            ZoneId zone = client == null ? ZoneOffset.UTC : ZoneId.of(client.timeZone());
            return new Shown(proposal.id(), client == null ? proposal.clientId() : client.name(), proposal.subject(), proposal.before(),
                    proposal.proposed(), proposal.reason(), proposal.proposedBy(), at(proposal.proposedAt(), zone), proposal.state(),
                    proposal.decidedBy(), at(proposal.decidedAt(), zone), proposal.answer());
        }).toList();
    }

    private static String at(Instant instant, ZoneId zone) {
        return instant == null ? null : WHEN.format(instant.atZone(zone));
    }
}

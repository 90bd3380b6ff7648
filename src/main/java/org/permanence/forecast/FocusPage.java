package org.permanence.forecast;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.permanence.manage.engine.PageTexts;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.InvalidRequest;
import org.permanence.system.PageWords;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mes créneaux de concentration", from {@code /presence}: the blocks proposed to her today, those she accepted with what
 * each will likely cost; accept, refuse, or another time. Words from {@code i18n/focus*.properties} (the application's
 * MessageSource), in her language.
 */
@Controller
@EngineNode
class FocusPage {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /** A block as the page shows it: its hours, what it costs said in her words, its start to send back. */
    record Shown(String from, String to, String cost, String starts) {
    }

    private final FocusProposals proposals;
    private final PageTexts languages;
    private final ZoneId zone;
    private final MessageSource texts;

    FocusPage(FocusProposals proposals, PageTexts languages, ForecastProperties properties, MessageSource texts) {
        this.proposals = proposals;
        this.languages = languages;
        this.texts = texts;
        this.zone = properties.timeZone();
    }

    @GetMapping("/presence/focus")
    String show(SignedInUser user, HttpServletRequest request, Model model) {
        String language = languages.languageOf(user, request);
        Locale locale = PageWords.speak(request, language);
        FocusProposals.Today today = proposals.today(user);
        model.addAttribute("lang", language);
        model.addAttribute("user", user);
        model.addAttribute("accepted", today.accepted().stream().map(block -> shown(block, locale)).toList());
        model.addAttribute("proposed", today.proposed().stream().map(block -> shown(block, locale)).toList());
        return "focus/page";
    }

    /** {@code starts} (a proposed block) or {@code at} (HH:MM today, another time); {@code instead}: her accepted block she moves. */
    @PostMapping("/presence/focus/accept")
    String accept(SignedInUser user, @RequestParam(required = false) String starts, @RequestParam(required = false) String at,
                  @RequestParam(required = false) String instead, HttpServletRequest request, RedirectAttributes redirect) {
        Locale locale = Locale.forLanguageTag(languages.languageOf(user, request));
        try {
            FocusProposals.Block block = proposals.accept(user, starts != null ? starts : today(at), instead);
            Shown shown = shown(block, locale);
            redirect.addFlashAttribute("done", texts.getMessage("focus.accepted-cost", new Object[]{shown.from(), shown.to(), shown.cost()}, locale));
        } catch (InvalidRequest problem) {
            redirect.addFlashAttribute("problem", texts.getMessage("focus.problem", null, locale) + " " + problem.getMessage());
        }
        return "redirect:/presence/focus";
    }

    @PostMapping("/presence/focus/refuse")
    String refuse(SignedInUser user, @RequestParam String starts, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            proposals.refuse(user, starts);
        } catch (InvalidRequest problem) {
            redirect.addFlashAttribute("problem", texts.getMessage("focus.problem", null, Locale.forLanguageTag(languages.languageOf(user, request)))
                    + " " + problem.getMessage());
        }
        return "redirect:/presence/focus";
    }

    /** HH:MM today in the office's time zone, as the instant the API takes; anything else is left for it to refuse. */
    private String today(String at) {
        try {
            return LocalDate.now(zone).atTime(LocalTime.parse(at == null ? "" : at)).atZone(zone).toInstant().toString();
        } catch (DateTimeParseException e) {
            return at;
        }
    }

    private Shown shown(FocusProposals.Block block, Locale locale) {
        String calls = texts.getMessage("focus.expected-calls", new Object[]{String.format(locale, "%.1f", block.expectedCalls())}, locale);
        String shortfall = block.leavesShort() == null ? texts.getMessage("focus.covered", null, locale)
                : texts.getMessage(block.leavesShort().client() == null ? "focus.short-team" : "focus.short-client", new Object[]{
                        HOUR.format(block.leavesShort().at().atZone(zone)), block.leavesShort().client(), block.leavesShort().left(),
                        block.leavesShort().needed()}, locale);
        return new Shown(HOUR.format(block.starts().atZone(zone)), HOUR.format(block.ends().atZone(zone)), calls + " · " + shortfall,
                block.starts().toString());
    }
}

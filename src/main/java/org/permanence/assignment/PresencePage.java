package org.permanence.assignment;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.FieldProblems;
import org.permanence.system.InvalidRequest;
import org.permanence.system.PageWords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Ma disponibilité", reached from Tasklist's header: her status in one click (available, focus until a
 * time, a break of N minutes, away), the protected break offered after a difficult call, the break the
 * office suggests, and her team's presence. French or English, as her browser asks.
 */
@Controller
@EngineNode
class PresencePage {

    static final List<Integer> BREAK_MINUTES = List.of(5, 10, 15, 30);

    private final SecretaryStatuses statuses;
    private final TeamPresence team;
    private final BreakOffers breaks;
    private final SecretaryDayProperties day;
    private final ApplicationEventPublisher events;
    private final FieldProblems says;
    private final MessageSource texts;

    PresencePage(SecretaryStatuses statuses, TeamPresence team, BreakOffers breaks, SecretaryDayProperties day,
                 ApplicationEventPublisher events, FieldProblems says, MessageSource texts) {
        this.says = says;
        this.texts = texts;
        this.statuses = statuses;
        this.team = team;
        this.breaks = breaks;
        this.day = day;
        this.events = events;
    }

    @GetMapping("/presence")
    String show(SignedInUser user, @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages, Model model,
                HttpServletRequest request) {
        events.publishEvent(new PresencePageOpened(user.id()));
        Locale language = PageWords.speak(request, language(languages).getLanguage());
        BreakOffers.Offer offer = breaks.of(user.id());
        model.addAttribute("lang", language.getLanguage());
        model.addAttribute("zone", day.timeZone().getId());
        model.addAttribute("user", user);
        model.addAttribute("me", statuses.of(user.id()));
        model.addAttribute("protectedBreak", statuses.onProtectedBreak(user.id()));
        List<WorkingHours.Range> hours = statuses.hoursOf(user.id()).hours();
        model.addAttribute("hours", hours);
        // her ranges, then room for two more (a morning and an afternoon)
        List<WorkingHours.Range> rows = new ArrayList<>(hours);
        rows.add(new WorkingHours.Range(null, null, null));
        rows.add(new WorkingHours.Range(null, null, null));
        model.addAttribute("hourRows", rows);
        Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
        Arrays.stream(DayOfWeek.values()).forEach(day -> days.put(day, day.getDisplayName(TextStyle.FULL, language)));
        model.addAttribute("days", days);
        model.addAttribute("offer", offer);
        model.addAttribute("suggestion", offer.suggestion() == null ? null : texts.getMessage(
                "presence.suggest-" + offer.suggestion().reason(), new Object[]{offer.suggestion().difficultCalls(), offer.suggestion().minutesWithoutBreak()},
                language));
        model.addAttribute("breakMinutes", BREAK_MINUTES);
        model.addAttribute("team", team.seenBy(user));
        return "presence/page";
    }

    /** One click: {@code status}, with {@code minutes} for a break or {@code until} (HH:MM, today) for focus. */
    @PostMapping("/presence/status")
    String set(SignedInUser user, @RequestParam String status, @RequestParam(required = false) Integer minutes,
               @RequestParam(required = false) String until,
               @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages, RedirectAttributes redirect) {
        try {
            Status chosen = Status.valueOf(status);
            Integer length = chosen == Status.FOCUS ? minutesUntil(until) : minutes;
            StatusChange change = new StatusChange(chosen, length);
            if (!change.problems().isEmpty()) {
                throw new InvalidRequest(change.problems());
            }
            statuses.set(user.id(), chosen, length);
        } catch (InvalidRequest | IllegalArgumentException problem) {
            redirect.addFlashAttribute("problem", texts.getMessage("presence.problem", null, language(languages)) + " " + problem.getMessage());
        }
        return "redirect:/presence";
    }

    @PostMapping("/presence/protected-break")
    String takeProtectedBreak(SignedInUser user, @RequestParam int minutes,
                              @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages, RedirectAttributes redirect) {
        try {
            breaks.takeProtectedBreak(user.id(), minutes);
        } catch (InvalidRequest problem) {
            redirect.addFlashAttribute("problem", texts.getMessage("presence.problem", null, language(languages)) + " " + problem.getMessage());
        }
        return "redirect:/presence";
    }

    /**
     * Her working hours, replaced whole from the page's rows ({@code day}, {@code starts}, {@code ends}, HH:MM; a row
     * left blank is ignored). Anything wrong is said in her language and nothing is changed.
     */
    @PostMapping("/presence/hours")
    String setHours(SignedInUser user, @RequestParam(defaultValue = "") List<String> day, @RequestParam(defaultValue = "") List<String> starts,
                    @RequestParam(defaultValue = "") List<String> ends,
                    @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages, RedirectAttributes redirect) {
        Locale language = language(languages);
        List<FieldProblem> problems = new ArrayList<>();
        List<WorkingHours.Range> ranges = new ArrayList<>();
        for (int i = 0; i < Math.max(day.size(), Math.max(starts.size(), ends.size())); i++) {
            String dayName = i < day.size() ? day.get(i).strip() : "";
            String start = i < starts.size() ? starts.get(i).strip() : "";
            String end = i < ends.size() ? ends.get(i).strip() : "";
            if (dayName.isEmpty() && start.isEmpty() && end.isEmpty()) {
                continue;
            }
            try {
                ranges.add(new WorkingHours.Range(DayOfWeek.valueOf(dayName), LocalTime.parse(start), LocalTime.parse(end)));
            } catch (IllegalArgumentException | DateTimeParseException incomplete) {
                problems.add(FieldProblem.of("hours[" + ranges.size() + "]", "workingHours.incomplete",
                        "needs a day, a start and an end (HH:MM)"));
            }
        }
        WorkingHours hours = new WorkingHours(ranges);
        problems.addAll(hours.problems());
        if (problems.isEmpty()) {
            statuses.setHours(user.id(), hours);
            redirect.addFlashAttribute("saved", texts.getMessage("presence.hours-saved", null, language));
        } else {
            redirect.addFlashAttribute("problem", texts.getMessage("presence.problem", null, language) + " " + says.say(problems, language).stream()
                    .map(FieldProblem::message).distinct().collect(Collectors.joining(" ; ")));
        }
        return "redirect:/presence";
    }

    /** Focus until that time today, in the office's time zone. */
    private Integer minutesUntil(String until) {
        if (until == null || !until.matches("\\d{2}:\\d{2}")) {
            throw new InvalidRequest(List.of(FieldProblem.of("until", "focus.until.notATime", "the time your focus ends, as HH:MM")));
        }
        ZonedDateTime now = ZonedDateTime.now(day.timeZone());
        ZonedDateTime end = now.with(LocalTime.parse(until));
        long minutes = (long) Math.ceil(Duration.between(now, end).toSeconds() / 60.0);
        if (minutes < 1) {
            throw new InvalidRequest(List.of(FieldProblem.of("until", "focus.until.passed", until + " has passed: pick a later time today", until)));
        }
        return (int) minutes;
    }

    /** English when her browser asks for it first; French otherwise, whatever the server's own language. */
    private static Locale language(String acceptLanguage) {
        boolean english = acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("en");
        return english ? Locale.ENGLISH : Locale.FRENCH;
    }
}

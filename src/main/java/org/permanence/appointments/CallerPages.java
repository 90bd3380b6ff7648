package org.permanence.appointments;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.permanence.appointments.AppointmentLinks.Action;
import org.permanence.appointments.CallerAnswer.State;
import org.permanence.system.EngineNode;
import org.permanence.system.PageWords;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The caller's pages behind the links of a confirmation mail: no login (the signed link is the
 * right), plain HTML that reads on a phone, in French or English ({@code lang}, else the browser's
 * languages, else the client's). Opening a link shows what it will do; only the button acts.
 */
@Controller
@EngineNode
class CallerPages {

    private final CallerAnswers answers;

    CallerPages(CallerAnswers answers) {
        this.answers = answers;
    }

    @GetMapping(AppointmentLinks.PATH + "{action}")
    String look(@PathVariable String action, @RequestParam(name = "t", required = false) String token,
                @RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response, Model model) {
        Action wanted = action(action);
        CallerAnswer answer = wanted == null ? CallerAnswer.refused(State.TAMPERED) : answers.look(token, wanted);
        return render(wanted, token, answer, lang, request, response, model);
    }

    @PostMapping(AppointmentLinks.PATH + "{action}")
    String answer(@PathVariable String action, @RequestParam(name = "t", required = false) String token,
                  @RequestParam(required = false) String slot, @RequestParam(required = false) String lang,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Action wanted = action(action);
        CallerAnswer answer = wanted == null ? CallerAnswer.refused(State.TAMPERED) : answers.answer(token, wanted, instant(slot));
        return render(wanted, token, answer, lang, request, response, model);
    }

    private String render(Action action, String token, CallerAnswer answer, String lang, HttpServletRequest request,
                          HttpServletResponse response, Model model) {
        String language = language(lang, request, answer);
        response.setStatus(status(answer.state()));
        model.addAttribute("answer", answer);
        model.addAttribute("when", answer.appointment() == null ? null : AppointmentTexts.when(answer.client(), answer.appointment(), language));
        model.addAttribute("movedFrom", answer.movedFrom() == null ? null : AppointmentTexts.when(answer.client(), answer.movedFrom(), language));
        // French sentences name the client with its article: "avec le Cabinet du Dr Martin"
        model.addAttribute("clientInSentence", answer.client() == null ? null
                : "fr".equals(language) ? answer.client().theName() : answer.client().name());
        model.addAttribute("action", action == null ? "none" : action.path);
        model.addAttribute("token", token);
        model.addAttribute("lang", language);
        PageWords.speak(request, language);
        model.addAttribute("slotDays", SlotDays.of(answer.slots(), language));
        return "rdv/page";
    }

    private static Action action(String path) {
        for (Action action : Action.values()) {
            if (action.path.equals(path)) {
                return action;
            }
        }
        return null;
    }

    private static Instant instant(String slot) {
        try {
            return slot == null || slot.isBlank() ? null : Instant.parse(slot);
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    /** {@code lang} when it is fr or en, else the first of the browser's languages we speak, else the client's. */
    private static String language(String lang, HttpServletRequest request, CallerAnswer answer) {
        return PageWords.language(lang, request, answer.client() != null ? answer.client().language() : "fr");
    }

    private static int status(State state) {
        return Map.of(State.TAMPERED, 400, State.WRONG_ACTION, 400, State.SLOT_REFUSED, 400, State.EXPIRED, 410, State.USED, 410,
                State.OUTDATED, 409, State.NOT_BOOKED, 409, State.SLOT_TAKEN, 409, State.NOT_NOW, 503).getOrDefault(state, 200);
    }
}

package org.permanence.onboarding;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.permanence.manage.Managers;
import org.permanence.manage.PageTexts;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Nouveau client": one page where a manager sets up a client, and sees each problem next to its
 * field, in the page's language; nothing is saved until every field is right.
 */
@Controller
@EngineNode
class OnboardingController {

    private final Onboarding onboarding;
    private final PageTexts texts;

    OnboardingController(Onboarding onboarding, PageTexts texts) {
        this.onboarding = onboarding;
        this.texts = texts;
    }

    @GetMapping("/manage/clients/new")
    String page(SignedInUser user, Model model, HttpServletRequest request) {
        Managers.require(user, "add clients");
        return show(OnboardingForm.blank(), Map.of(), user, model, request);
    }

    @PostMapping("/manage/clients/new")
    String onboard(SignedInUser user, @RequestParam MultiValueMap<String, String> fields, Model model,
                   HttpServletRequest request, HttpServletResponse response) {
        Managers.require(user, "add clients");
        Map<String, String> values = new LinkedHashMap<>(fields.toSingleValueMap());
        values.remove("team");
        OnboardingForm form = new OnboardingForm(values, fields.getOrDefault("team", List.of()));
        try {
            Onboarding.Created created = onboarding.onboard(user, form, Locale.forLanguageTag(texts.languageOf(user, request)));
            texts.addTo(model, user, request);
            model.addAttribute("client", created.client());
            model.addAttribute("templates", created.templates());
            model.addAttribute("team", form.team());
            return "manage/onboarded";
        } catch (InvalidRequest invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem problem : invalid.problems()) {
                errors.merge(form.pageField(problem.field()), problem.message(), (first, more) -> first + "; " + more);
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(form, errors, user, model, request);
        }
    }

    private String show(OnboardingForm form, Map<String, String> errors, SignedInUser user, Model model, HttpServletRequest request) {
        texts.addTo(model, user, request);
        model.addAttribute("values", form.values());
        model.addAttribute("chosen", form.team());
        model.addAttribute("errors", errors);
        model.addAttribute("secretaries", onboarding.secretaries());
        model.addAttribute("phoneRows", OnboardingForm.PHONE_ROWS);
        model.addAttribute("hoursRows", OnboardingForm.HOURS_ROWS);
        model.addAttribute("typeRows", OnboardingForm.TYPE_ROWS);
        model.addAttribute("categoryRows", OnboardingForm.CATEGORY_ROWS);
        model.addAttribute("templateRows", OnboardingForm.TEMPLATE_ROWS);
        model.addAttribute("days", DayOfWeek.values());
        return "manage/onboarding";
    }
}

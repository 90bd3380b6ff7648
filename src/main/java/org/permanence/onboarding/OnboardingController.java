package org.permanence.onboarding;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.permanence.drafting.MailTemplates;
import org.permanence.drafting.Placeholders;
import org.permanence.manage.engine.PageTexts;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.context.MessageSource;
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

    /**
     * The text key of each field's label on the page ({@code onboarding.<key>}), by field with its row
     * left out, so the problem summary names fields as the manager sees them; a list's rows are named
     * by its legend. A field not listed here is labelled by its own last name ({@code contactRules.email}:
     * {@code onboarding.email}).
     */
    private static final Map<String, String> LABELS = table("""
            phoneLines                                lines
            openingHours                              hours
            appointmentTypes                          types
            appointmentTypes.code                     typeCode
            appointmentTypes.name                     typeName
            appointmentTypes.durationMinutes          duration
            appointmentTypes.bufferBeforeMinutes      bufferBefore
            appointmentTypes.bufferAfterMinutes       bufferAfter
            appointmentTypes.minimumNoticeMinutes     notice
            contactRules.callBackWithinMinutes        callBackWithin
            contactRules.urgentConfirmWithinMinutes   urgentConfirmWithin
            contactRules.notifyDocumentCategories     categoryNotify
            documentCategories                        documents
            documentCategories.code                   categoryCode
            documentCategories.name                   categoryName
            documentCategories.notify                 categoryNotify
            classificationThreshold                   threshold
            templates.code                            templateCode
            templates.name                            templateName
            templates.kind                            templateKind
            templates.subject                         templateSubject
            templates.body                            templateBody
            """);
    /**
     * Problems about no single input (a whole row or list) lead to the first input they are about; the
     * others (the team) to their fieldset, whose first input the page focuses.
     */
    private static final Map<String, String> FIRST_INPUT = Map.of("phoneLines", "phoneLines[0].number",
            "contactRules.notifyDocumentCategories", "documentCategories[0].notify");
    private static final Map<String, String> FIRST_OF_ROW = Map.of("phoneLines", "number", "openingHours", "day");
    private static final Pattern ROW_FIELD = Pattern.compile("^(\\w+)\\[(\\d+)](?:\\.(\\w+))?$");

    /** One line of the problem summary: the field's label as the page shows it, and the input it leads to. */
    record Problem(String label, String input, String message) {
    }

    private final Onboarding onboarding;
    private final PageTexts texts;
    private final MessageSource words;

    OnboardingController(Onboarding onboarding, PageTexts texts, MessageSource words) {
        this.words = words;
        this.onboarding = onboarding;
        this.texts = texts;
    }

    @GetMapping("/manage/clients/new")
    String page(SignedInUser user, Model model, HttpServletRequest request) {
        Placeholders placeholders = Placeholders.in(words, texts.languageOf(user, request));
        return show(OnboardingForm.blank(OnboardingForm.usualCategories(texts.text("fr", OnboardingForm.USUAL_CATEGORIES)), placeholders), Map.of(), user, model, request);
    }

    @PostMapping("/manage/clients/new")
    String onboard(SignedInUser user, @RequestParam MultiValueMap<String, String> fields, Model model,
                   HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> values = new LinkedHashMap<>(fields.toSingleValueMap());
        values.remove("team");
        OnboardingForm form = new OnboardingForm(values, fields.getOrDefault("team", List.of()),
                Placeholders.in(words, texts.languageOf(user, request)));
        try {
            Onboarding.Created created = onboarding.onboard(form, Locale.forLanguageTag(texts.languageOf(user, request)));
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
        String language = texts.addTo(model, user, request);
        Placeholders placeholders = Placeholders.in(words, language);
        model.addAttribute("values", form.values());
        model.addAttribute("chosen", form.team());
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.entrySet().stream()
                .map(error -> new Problem(label(error.getKey(), language), input(error.getKey()), error.getValue())).toList());
        model.addAttribute("secretaries", onboarding.secretaries());
        model.addAttribute("phoneRows", OnboardingForm.PHONE_ROWS);
        model.addAttribute("hoursRows", OnboardingForm.HOURS_ROWS);
        model.addAttribute("typeRows", OnboardingForm.TYPE_ROWS);
        model.addAttribute("categoryRows", OnboardingForm.CATEGORY_ROWS);
        model.addAttribute("templateRows", OnboardingForm.TEMPLATE_ROWS);
        model.addAttribute("days", DayOfWeek.values());
        // the client writes in French or English: the page swaps the usual categories and templates when its language changes
        model.addAttribute("usual", Map.of(
                "templates", Map.of("fr", OnboardingForm.plain(MailTemplates.usual("fr"), placeholders),
                        "en", OnboardingForm.plain(MailTemplates.usual("en"), placeholders)),
                "categories", Map.of("fr", OnboardingForm.usualCategories(texts.text("fr", OnboardingForm.USUAL_CATEGORIES)),
                        "en", OnboardingForm.usualCategories(texts.text("en", OnboardingForm.USUAL_CATEGORIES)))));
        return "manage/onboarding";
    }

    /** "Phone lines 1 – Number" for {@code phoneLines[0].number}; the field itself when the page has no label for it. */
    private String label(String field, String language) {
        Matcher row = ROW_FIELD.matcher(field);
        if (!row.matches()) {
            return text(field, field, language);
        }
        String list = text(row.group(1), row.group(1), language) + " " + (Integer.parseInt(row.group(2)) + 1);
        return row.group(3) == null ? list : list + " – " + text(row.group(1) + "." + row.group(3), row.group(3), language);
    }

    private String text(String field, String otherwise, String language) {
        String key = LABELS.getOrDefault(field, field.substring(field.lastIndexOf('.') + 1));
        return texts.text(language, "onboarding." + key, otherwise);
    }

    private static Map<String, String> table(String rows) {
        return rows.lines().map(row -> row.strip().split("\\s+")).collect(Collectors.toUnmodifiableMap(row -> row[0], row -> row[1]));
    }

    /** The id of the input a problem is about, for the summary's link to focus. */
    private static String input(String field) {
        Matcher row = ROW_FIELD.matcher(field);
        if (row.matches() && row.group(3) == null) {
            return field + "." + FIRST_OF_ROW.getOrDefault(row.group(1), "code");
        }
        return FIRST_INPUT.getOrDefault(field, field);
    }
}

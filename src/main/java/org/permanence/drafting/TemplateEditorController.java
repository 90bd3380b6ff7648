package org.permanence.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.permanence.clients.Client;
import org.permanence.manage.engine.PageTexts;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.FieldProblems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "Modèle de mail": a manager edits one of a client's templates in plain language ({@link Placeholders}),
 * inserting the case's fields from a list, with a preview on sample facts beside the editor; every problem
 * (a placeholder that names no field, the trial render's) in the page's language.
 */
@Controller
@EngineNode
class TemplateEditorController {

    /** What the preview shows: the draft on sample facts, or the problems that keep it from drafting. */
    record Preview(String subject, String text, List<FieldProblem> problems) {
    }

    private final ClientAccess access;
    private final MailTemplates templates;
    private final Drafting drafting;
    private final PageTexts texts;
    private final FieldProblems says;
    private final MessageSource words;

    TemplateEditorController(ClientAccess access, MailTemplates templates, Drafting drafting, PageTexts texts, FieldProblems says,
                             MessageSource words) {
        this.words = words;
        this.access = access;
        this.templates = templates;
        this.drafting = drafting;
        this.texts = texts;
        this.says = says;
    }

    @GetMapping("/manage/clients/{id}/templates/{code}")
    String page(SignedInUser user, @PathVariable String id, @PathVariable String code, Model model, HttpServletRequest request) {
        Client client = access.served(user, id);
        Placeholders placeholders = Placeholders.in(words, texts.addTo(model, user, request));
        MailTemplate template = templates.get(client, code);
        return show(client, new MailTemplate(template.code(), template.name(), template.kind(),
                placeholders.toPlain(template.subject()), placeholders.toPlain(template.body())), Map.of(), false, placeholders, model);
    }

    @PostMapping(path = "/manage/clients/{id}/templates/{code}/preview")
    @ResponseBody
    Preview preview(SignedInUser user, @PathVariable String id, @PathVariable String code, @RequestParam(defaultValue = "") String subject,
                    @RequestParam(defaultValue = "") String body, HttpServletRequest request) {
        Client client = access.served(user, id);
        String language = texts.languageOf(user, request);
        Placeholders placeholders = Placeholders.in(words, language);
        MailTemplate template = templates.get(client, code);
        MailTemplate edited = new MailTemplate(template.code(), template.name(), template.kind(),
                placeholders.toStored(subject), placeholders.toStored(body));
        List<FieldProblem> problems = problems(client, edited, subject, body, placeholders, Locale.forLanguageTag(language));
        if (!problems.isEmpty()) {
            return new Preview(null, null, problems);
        }
        Draft draft = drafting.draft(client, edited, CaseFacts.sample());
        return new Preview(draft.subject(), draft.text(), List.of());
    }

    @PostMapping("/manage/clients/{id}/templates/{code}")
    String save(SignedInUser user, @PathVariable String id, @PathVariable String code, @RequestParam(defaultValue = "") String name,
                @RequestParam(defaultValue = "EMAIL") MailTemplate.Kind kind, @RequestParam(defaultValue = "") String subject,
                @RequestParam(defaultValue = "") String body, Model model, HttpServletRequest request, HttpServletResponse response) {
        Client client = access.served(user, id);
        String language = texts.addTo(model, user, request);
        Placeholders placeholders = Placeholders.in(words, language);
        // browsers send a textarea's lines with CR LF; the mail's are LF
        String plainBody = body.replace("\r\n", "\n");
        MailTemplate typed = new MailTemplate(code, name.strip(), kind, subject.strip(), plainBody);
        MailTemplate edited = new MailTemplate(code, name.strip(), kind, placeholders.toStored(subject.strip()), placeholders.toStored(plainBody));
        List<FieldProblem> problems = new ArrayList<>(says.check(edited, "mailTemplate", "", Locale.forLanguageTag(language)));
        if (problems.isEmpty()) {
            problems.addAll(problems(client, edited, typed.subject(), typed.body(), placeholders, Locale.forLanguageTag(language)));
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            problems.forEach(problem -> errors.merge(problem.field(), problem.message(), (first, more) -> first + " ; " + more));
            return show(client, typed, errors, false, placeholders, model);
        }
        templates.save(client, code, edited);
        return show(client, typed, Map.of(), true, placeholders, model);
    }

    /** A placeholder naming no field first (the rest cannot be tried until it is right), then the trial render's problems. */
    private List<FieldProblem> problems(Client client, MailTemplate edited, String plainSubject, String plainBody, Placeholders placeholders,
                                        Locale language) {
        List<FieldProblem> problems = new ArrayList<>(placeholders.problems("subject", plainSubject));
        problems.addAll(placeholders.problems("body", plainBody));
        if (problems.isEmpty()) {
            problems.addAll(templates.problems(client, edited));
        }
        return says.say(problems, language);
    }

    private String show(Client client, MailTemplate template, Map<String, String> errors, boolean saved, Placeholders placeholders, Model model) {
        model.addAttribute("client", client);
        model.addAttribute("template", template);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        model.addAttribute("placeholders", placeholders.labels());
        return "manage/template";
    }
}

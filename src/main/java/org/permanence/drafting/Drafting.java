package org.permanence.drafting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.permanence.clients.Client;
import org.permanence.system.FieldProblem;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Fills a client's template with the facts of a case, and tells a manager exactly what is wrong with
 * a template before it is saved: the line, the column and the reason, so that a draft never fails
 * in front of a secretary because of a typo in a field name.
 */
@Component
public class Drafting {

    // Spring's flavour evaluates expressions with SpEL; the plain engine would need OGNL
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    Drafting() {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCacheable(false);
        templates.setTemplateResolver(resolver);
    }

    /** The template filled with the case's facts, in the client's language and time zone. */
    public Draft draft(Client client, MailTemplate template, CaseFacts facts) {
        Context variables = facts(client, facts);
        return new Draft(oneLine(templates.process(template.subject(), variables)), tidy(templates.process(template.body(), variables)),
                template.kind() == MailTemplate.Kind.LETTER);
    }

    /** What keeps this template from drafting a mail for the client; empty when it is fine. */
    public List<FieldProblem> problems(Client client, MailTemplate template) {
        List<FieldProblem> problems = new ArrayList<>();
        Context sample = facts(client, CaseFacts.sample());
        check("subject", template.subject(), sample).ifPresent(problems::add);
        check("body", template.body(), sample).ifPresent(problems::add);
        return problems;
    }

    /** First the fields each expression names, then a trial run on sample facts for everything else. */
    private Optional<FieldProblem> check(String field, String template, Context sample) {
        if (template == null || template.isBlank()) {
            return Optional.empty();
        }
        Optional<FieldProblem> unknown = TemplateFields.problem(field, template);
        if (unknown.isPresent()) {
            return unknown;
        }
        try {
            templates.process(template, sample);
            return Optional.empty();
        } catch (TemplateProcessingException e) {
            String reason = reason(e);
            return Optional.of(TemplateFields.where(template, e)
                    .map(at -> FieldProblem.of(field, "template.unrenderable", TemplateFields.at(at) + ": does not render: " + reason,
                            at[0], at[1], reason))
                    .orElseGet(() -> FieldProblem.of(field, "template.unrenderableSomewhere",
                            "somewhere in the template: does not render: " + reason, reason)));
        }
    }

    private static String reason(TemplateProcessingException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        // Thymeleaf repeats the whole template after the reason; the line and column say where already
        int template = message.indexOf(" (template: ");
        return template > 0 ? message.substring(0, template) : message;
    }

    private static Context facts(Client client, CaseFacts facts) {
        Locale locale = Locale.forLanguageTag(client.language());
        String today = LocalDate.now(ZoneId.of(client.timeZone()))
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        return new Context(locale, facts.variables(client, today));
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String tidy(String text) {
        return text.replace("\r\n", "\n").replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }
}

package org.permanence.system;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Says field problems in the reader's language (French or English), from their codes: Bean Validation's
 * as Spring reports them ({@code NotBlank}, {@code Size.client.name}…) and the office's own rules'
 * ({@code client.timeZone.unknown}…). Texts are in {@code i18n/problems.properties} (English) and
 * {@code i18n/problems_fr.properties}; a code without a text there keeps the English it came with.
 */
@Component
public class FieldProblems {

    private final MessageSource messages;
    private final SpringValidatorAdapter validator;

    FieldProblems(MessageSource messages, Validator validator) {
        this.messages = messages;
        this.validator = new SpringValidatorAdapter(validator);
    }

    public FieldProblem say(FieldProblem problem, Locale language) {
        if (problem.code() == null) {
            return problem;
        }
        // no default message given: the source would run the English through MessageFormat, which eats its quotes
        String said = messages.getMessage(problem.code(), problem.arguments().toArray(), null, language);
        return new FieldProblem(problem.field(), said == null ? problem.message() : said, problem.code(), problem.arguments());
    }

    public List<FieldProblem> say(List<FieldProblem> problems, Locale language) {
        return problems.stream().map(problem -> say(problem, language)).toList();
    }

    /** A Bean Validation problem as Spring reports it, said in this language; its most specific code's text wins. */
    public FieldProblem say(FieldError error, Locale language) {
        return new FieldProblem(error.getField(), messages.getMessage(error, language), error.getCode(),
                error.getArguments() == null ? List.of() : Arrays.asList(error.getArguments()));
    }

    /**
     * Bean Validation's problems with {@code target} (its {@code objectName} as a request body would have it,
     * which picks the texts), said in this language, fields prefixed with {@code path} (empty: none), by field.
     */
    public List<FieldProblem> check(Object target, String objectName, String path, Locale language) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(target, objectName);
        validator.validate(target, errors);
        return errors.getFieldErrors().stream()
                .map(error -> say(error, language))
                .map(problem -> path.isEmpty() ? problem
                        : new FieldProblem(path + "." + problem.field(), problem.message(), problem.code(), problem.arguments()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }
}

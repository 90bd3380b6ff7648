package org.permanence.drafting;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.permanence.system.FieldProblem;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * Reads the fields a template names, without running it: the template engine would quietly print
 * nothing for {@code ${patient.name}}, and the client would get a letter with a hole in it.
 */
final class TemplateFields {

    private static final Pattern VARIABLE_EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern QUOTED_EXPRESSION = Pattern.compile("(?:expression|as [a-z ]+): \"([^\"]*)\"");
    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final Set<String> NAMES = Set.copyOf(CaseFacts.FIELDS);
    private static final Set<String> GROUPS = CaseFacts.FIELDS.stream().filter(field -> field.contains("."))
            .map(field -> field.substring(0, field.indexOf('.'))).collect(Collectors.toUnmodifiableSet());

    private TemplateFields() {
    }

    /**
     * The first expression of the template in {@code field} naming something that is no field, or that does
     * not parse, with its line and column.
     */
    static Optional<FieldProblem> problem(String field, String template) {
        Matcher expressions = VARIABLE_EXPRESSION.matcher(template);
        while (expressions.find()) {
            int[] at = position(template, expressions.start());
            try {
                SpelNode tree = ((SpelExpression) PARSER.parseExpression(expressions.group(1))).getAST();
                Optional<String> unknown = unknownField(tree, false);
                if (unknown.isPresent()) {
                    String fields = String.join(", ", CaseFacts.FIELDS);
                    return Optional.of(FieldProblem.of(field, "template.unknownField",
                            at(at) + ": unknown field '" + unknown.get() + "'; the fields are " + fields, at[0], at[1], unknown.get(), fields));
                }
            } catch (ParseException e) {
                return Optional.of(FieldProblem.of(field, "template.unparsable",
                        at(at) + ": the expression ${" + expressions.group(1) + "} does not parse: " + e.getSimpleMessage(),
                        at[0], at[1], "${" + expressions.group(1) + "}", e.getSimpleMessage()));
            }
        }
        return Optional.empty();
    }

    /** Line and column of the template engine's complaint, found in the template when the engine does not say; none: nowhere to be found. */
    static Optional<int[]> where(String template, TemplateProcessingException e) {
        if (e.getLine() != null && e.getCol() != null) {
            return Optional.of(new int[] {e.getLine(), e.getCol()});
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Matcher quoted = QUOTED_EXPRESSION.matcher(String.valueOf(cause.getMessage()));
            int at = quoted.find() ? template.indexOf(quoted.group(1)) : -1;
            if (at >= 0) {
                return Optional.of(position(template, at));
            }
        }
        return Optional.empty();
    }

    static String at(int[] position) {
        return "line " + position[0] + ", column " + position[1];
    }

    /**
     * A name read from the facts themselves (not a property of something else) must be a field or
     * a group of fields, and a group must be followed by one of its fields.
     */
    private static Optional<String> unknownField(SpelNode node, boolean propertyOfSomething) {
        if (node instanceof CompoundExpression && node.getChild(0) instanceof PropertyOrFieldReference first) {
            String name = first.getName();
            if (GROUPS.contains(name) && node.getChild(1) instanceof PropertyOrFieldReference second) {
                String field = name + "." + second.getName();
                if (!NAMES.contains(field)) {
                    return Optional.of(field);
                }
            } else if (!NAMES.contains(name)) {
                return Optional.of(name);
            }
        } else if (node instanceof PropertyOrFieldReference reference && !propertyOfSomething && !NAMES.contains(reference.getName())) {
            return Optional.of(reference.getName());
        }
        // the first name of a compound was checked above, with what follows it
        int first = node instanceof CompoundExpression && node.getChild(0) instanceof PropertyOrFieldReference ? 1 : 0;
        for (int i = first; i < node.getChildCount(); i++) {
            boolean property = node instanceof CompoundExpression && i > 0;
            Optional<String> unknown = unknownField(node.getChild(i), property);
            if (unknown.isPresent()) {
                return unknown;
            }
        }
        return Optional.empty();
    }

    private static int[] position(String template, int offset) {
        List<String> before = template.substring(0, offset).lines().toList();
        boolean atLineStart = offset == 0 || template.charAt(offset - 1) == '\n';
        int line = atLineStart ? before.size() + 1 : before.size();
        int column = atLineStart ? 1 : before.get(before.size() - 1).length() + 1;
        return new int[] {line, column};
    }
}

package org.permanence.privacy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.permanence.clients.PhoneNumbers;

/**
 * Who a manager looks for: the numbers (E.164), names and e-mail addresses one caller is known by. A search
 * starts from what the manager typed and grows with what the caller's records say (the name noted on a
 * call from her number, the e-mail of her appointment…).
 */
record Caller(Set<String> numbers, Set<String> names, Set<String> emails) {

    /** A name shorter than this would find half the office's records. */
    static final int SHORTEST_NAME = 3;

    Caller {
        numbers = Set.copyOf(numbers);
        names = Set.copyOf(names);
        emails = Set.copyOf(emails);
    }

    /** What the manager typed: a phone number, an e-mail address or a name (compared without case). */
    static Caller typed(String query) {
        String typed = query == null ? "" : query.strip();
        if (typed.contains("@")) {
            return new Caller(Set.of(), Set.of(), Set.of(typed.toLowerCase(Locale.ROOT)));
        }
        var number = PhoneNumbers.e164(typed);
        if (number.isPresent()) {
            return new Caller(Set.of(number.get()), Set.of(), Set.of());
        }
        if (typed.codePointCount(0, typed.length()) < SHORTEST_NAME) {
            throw new InvalidRequest(List.of(FieldProblem.of("caller", "privacy.caller.tooShort",
                    "type a phone number, an e-mail address or a name of 3 letters or more")));
        }
        return new Caller(Set.of(), Set.of(typed.toLowerCase(Locale.ROOT)), Set.of());
    }

    Caller with(Caller more) {
        return new Caller(union(numbers, more.numbers), union(names, more.names), union(emails, more.emails));
    }

    boolean isEmpty() {
        return numbers.isEmpty() && names.isEmpty() && emails.isEmpty();
    }

    /** Every way she may be written in a text (lower case): numbers also as people write them. */
    List<String> inTexts() {
        return Stream.of(numbers.stream().flatMap(n -> Stream.of(n, PhoneNumbers.readable(n))), names.stream(), emails.stream())
                .flatMap(s -> s).map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    boolean appearsIn(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return inTexts().stream().anyMatch(lower::contains);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new LinkedHashSet<>(a);
        both.addAll(b);
        return both;
    }
}

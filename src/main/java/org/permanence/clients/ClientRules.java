package org.permanence.clients;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.permanence.clients.Client.OpeningHours;
import org.permanence.system.FieldProblem;

/**
 * The rules a client's settings must keep beyond single-field checks: a real time zone, phone
 * numbers that are numbers, opening ranges that do not overlap, references to known categories.
 * A field left empty is Bean Validation's to report: these rules skip it, so that a page can show every
 * problem of a half-filled form at once.
 */
final class ClientRules {

    private ClientRules() {
    }

    static List<FieldProblem> check(Client client) {
        List<FieldProblem> problems = new ArrayList<>();
        checkTimeZone(client, problems);
        checkPhoneLines(client, problems);
        checkOpeningHours(client.openingHours(), problems);
        checkUnique("appointmentTypes", client.appointmentTypes().stream().map(Client.AppointmentType::code).toList(), problems);
        checkUnique("documentCategories", client.documentCategories().stream().map(Client.DocumentCategory::code).toList(), problems);
        checkContactRules(client, problems);
        return problems;
    }

    private static void checkTimeZone(Client client, List<FieldProblem> problems) {
        if (client.timeZone() == null) {
            return;
        }
        try {
            ZoneId.of(client.timeZone());
        } catch (DateTimeException e) {
            problems.add(FieldProblem.of("timeZone", "client.timeZone.unknown",
                    "'" + client.timeZone() + "' is not a time zone; use a region id such as Europe/Paris", client.timeZone()));
        }
    }

    private static void checkPhoneLines(Client client, List<FieldProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < client.phoneLines().size(); i++) {
            String number = client.phoneLines().get(i).number();
            String field = "phoneLines[" + i + "].number";
            if (number == null) {
                continue;
            }
            PhoneNumbers.e164(number).ifPresentOrElse(
                    e164 -> {
                        if (!seen.add(e164)) {
                            problems.add(FieldProblem.of(field, "client.phoneLine.twice", e164 + " is listed twice", e164));
                        }
                    },
                    () -> problems.add(FieldProblem.of(field, "client.phoneLine.notANumber",
                            "'" + number + "' is not a phone number; write it as 01 23 45 67 89 or +33 1 23 45 67 89", number)));
        }
    }

    private static void checkOpeningHours(List<OpeningHours> hours, List<FieldProblem> problems) {
        for (int i = 0; i < hours.size(); i++) {
            OpeningHours range = hours.get(i);
            if (range.day() == null || range.opens() == null || range.closes() == null) {
                continue;
            }
            if (!range.opens().isBefore(range.closes())) {
                problems.add(FieldProblem.of("openingHours[" + i + "]", "client.openingHours.closesFirst",
                        "opens at " + range.opens() + " but closes at " + range.closes() + "; closing must come after opening",
                        range.opens().toString(), range.closes().toString()));
                continue;
            }
            for (int j = 0; j < i; j++) {
                OpeningHours other = hours.get(j);
                if (other.day() == range.day() && other.opens() != null && other.closes() != null && range.opens().isBefore(other.closes()) && other.opens().isBefore(range.closes())) {
                    problems.add(FieldProblem.of("openingHours[" + i + "]", "client.openingHours.overlap", range.day() + " " + range.opens()
                                    + "–" + range.closes() + " overlaps " + other.opens() + "–" + other.closes() + " (openingHours[" + j + "])",
                            range.day().name(), range.opens().toString(), range.closes().toString(), other.opens().toString(),
                            other.closes().toString(), j));
                }
            }
        }
    }

    private static void checkUnique(String list, List<String> codes, List<FieldProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) != null && !seen.add(codes.get(i))) {
                problems.add(FieldProblem.of(list + "[" + i + "].code", "code.twice", "'" + codes.get(i) + "' is used twice", codes.get(i)));
            }
        }
    }

    private static void checkContactRules(Client client, List<FieldProblem> problems) {
        Client.ContactRules rules = client.contactRules();
        if (rules.messages() == Client.MessageDelivery.DAILY_SUMMARY && rules.dailySummaryAt() == null) {
            problems.add(FieldProblem.of("contactRules.dailySummaryAt", "client.dailySummaryAt.missing",
                    "a daily summary needs the time it is sent, such as 18:00"));
        }
        Set<String> known = client.documentCategories().stream().map(Client.DocumentCategory::code)
                .filter(code -> code != null).collect(Collectors.toSet());
        List<String> notify = rules.notifyDocumentCategories();
        for (int i = 0; i < notify.size(); i++) {
            if (!known.contains(notify.get(i))) {
                String categories = known.stream().sorted().toList().toString();
                problems.add(FieldProblem.of("contactRules.notifyDocumentCategories[" + i + "]", "client.notify.unknownCategory",
                        "unknown document category '" + notify.get(i) + "'; this client's categories are " + categories, notify.get(i), categories));
            }
        }
    }
}

package org.permanence.onboarding;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.permanence.clients.Client;
import org.permanence.clients.Client.AppointmentType;
import org.permanence.clients.Client.Briefing;
import org.permanence.clients.Client.ContactRules;
import org.permanence.clients.Client.DocumentCategory;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Client.OpeningHours;
import org.permanence.clients.Client.PhoneLine;
import org.permanence.drafting.MailTemplate;
import org.permanence.drafting.MailTemplates;
import org.permanence.drafting.Placeholders;
import org.permanence.system.FieldProblem;

/**
 * The onboarding page's fields, named as the client API's JSON paths ({@code phoneLines[0].number},
 * {@code contactRules.email}…), so the API's field problems land next to the field they are about.
 * The page offers a few rows per list; rows left empty are dropped, and the API's row numbers are
 * translated back to the page's.
 */
final class OnboardingForm {

    static final int PHONE_ROWS = 3;
    static final int HOURS_ROWS = 14;
    static final int TYPE_ROWS = 4;
    static final int CATEGORY_ROWS = 6;

    /** The key of the office's usual document categories among the pages' words ({@code code:Name|code:Name…}). */
    static final String USUAL_CATEGORIES = "onboarding.usualCategories";

    /** The office's usual document categories from their words in a language ({@link #USUAL_CATEGORIES}). */
    static List<DocumentCategory> usualCategories(String words) {
        return Pattern.compile("\\|").splitAsStream(words)
                .map(category -> category.split(":", 2)).map(pair -> new DocumentCategory(pair[0].strip(), pair[1].strip())).toList();
    }
    /** The office's usual templates, and room for two of the client's own. */
    static final int TEMPLATE_ROWS = 5;
    /** The classifier's default: below it, a secretary chooses the category. */
    private static final String DEFAULT_CLASSIFICATION_THRESHOLD = "0.8";
    private static final Pattern ROW = Pattern.compile("^(phoneLines|openingHours|appointmentTypes|documentCategories|templates)\\[(\\d+)](.*)$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final Map<String, String> values;
    private final List<String> team;
    /** Templates are typed in plain language ({Nom de l'appelant}) and stored as the template engine needs them. */
    private final Placeholders placeholders;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final Map<String, List<Integer>> rowsKept = new LinkedHashMap<>();

    OnboardingForm(Map<String, String> values, List<String> team, Placeholders placeholders) {
        this.values = values;
        this.team = team;
        this.placeholders = placeholders;
    }

    /**
     * A new client's page: French, Paris time, open weekdays 9–12 and 14–18, no buffer nor notice before
     * appointments, messages at once, the office's usual document categories and mail templates in French
     * to adapt, documents filed on their own from a confidence of 0.8.
     */
    static OnboardingForm blank(List<DocumentCategory> usualCategories, Placeholders placeholders) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("language", "fr");
        values.put("timeZone", "Europe/Paris");
        values.put("phoneLines[0].label", "Standard");
        int row = 0;
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            for (String[] range : new String[][] {{"09:00", "12:00"}, {"14:00", "18:00"}}) {
                values.put("openingHours[" + row + "].day", day.name());
                values.put("openingHours[" + row + "].opens", range[0]);
                values.put("openingHours[" + row + "].closes", range[1]);
                row++;
            }
        }
        values.put("contactRules.messages", MessageDelivery.IMMEDIATELY.name());
        values.put("contactRules.callBackWithinMinutes", "120");
        values.put("contactRules.urgentConfirmWithinMinutes", "15");
        for (int i = 0; i < TYPE_ROWS; i++) {
            for (String field : List.of("bufferBeforeMinutes", "bufferAfterMinutes", "minimumNoticeMinutes")) {
                values.put("appointmentTypes[" + i + "]." + field, "0");
            }
        }
        for (int i = 0; i < usualCategories.size(); i++) {
            values.put("documentCategories[" + i + "].code", usualCategories.get(i).code());
            values.put("documentCategories[" + i + "].name", usualCategories.get(i).name());
        }
        values.put("classificationThreshold", DEFAULT_CLASSIFICATION_THRESHOLD);
        List<MailTemplate> usual = plain(MailTemplates.usual("fr"), placeholders);
        for (int i = 0; i < usual.size(); i++) {
            MailTemplate template = usual.get(i);
            values.put("templates[" + i + "].code", template.code());
            values.put("templates[" + i + "].name", template.name());
            values.put("templates[" + i + "].kind", template.kind().name());
            values.put("templates[" + i + "].subject", template.subject());
            values.put("templates[" + i + "].body", template.body());
        }
        return new OnboardingForm(values, List.of(), placeholders);
    }

    /** Templates as the page shows them: in plain language. */
    static List<MailTemplate> plain(List<MailTemplate> templates, Placeholders placeholders) {
        return templates.stream().map(template -> new MailTemplate(template.code(), template.name(), template.kind(),
                placeholders.toPlain(template.subject()), placeholders.toPlain(template.body()))).toList();
    }

    Map<String, String> values() {
        return values;
    }

    List<String> team() {
        return team;
    }

    /** What could not even be read (a time that is no time, a number that is no number), by field. */
    List<FieldProblem> readingProblems() {
        return problems;
    }

    Client client() {
        problems.clear();
        List<PhoneLine> lines = rows("phoneLines", PHONE_ROWS, List.of("number", "label"),
                (field) -> new PhoneLine(text(field + ".number"), text(field + ".label")));
        List<OpeningHours> hours = rows("openingHours", HOURS_ROWS, List.of("day", "opens", "closes"),
                (field) -> new OpeningHours(day(field + ".day"), time(field + ".opens", true), time(field + ".closes", true)));
        // buffers and notice come filled with 0: alone, they do not make a row
        List<AppointmentType> types = rows("appointmentTypes", TYPE_ROWS, List.of("code", "name", "durationMinutes"),
                (field) -> new AppointmentType(text(field + ".code"), text(field + ".name"), minutes(field + ".durationMinutes"),
                        minutesOrNone(field + ".bufferBeforeMinutes"), minutesOrNone(field + ".bufferAfterMinutes"),
                        minutesOrNone(field + ".minimumNoticeMinutes")));
        List<String> notify = new ArrayList<>();
        List<DocumentCategory> categories = rows("documentCategories", CATEGORY_ROWS, List.of("code", "name", "notify"), (field) -> {
            if (text(field + ".notify") != null && text(field + ".code") != null) {
                notify.add(text(field + ".code"));
            }
            return new DocumentCategory(text(field + ".code"), text(field + ".name"));
        });
        return new Client(text("id"), text("name"), text("language"), text("timeZone"), lines, hours, types,
                new Briefing(text("briefing.greeting"), text("briefing.urgentWhen"), text("briefing.putThrough"), text("briefing.notes")),
                new ContactRules(text("contactRules.email"), text("contactRules.urgentEmail"), messages(),
                        time("contactRules.dailySummaryAt", false), minutes("contactRules.callBackWithinMinutes"),
                        minutes("contactRules.urgentConfirmWithinMinutes"), notify),
                categories, threshold(), null);
    }

    /** The client's mail templates as the page lists them; rows left empty are dropped. Read after {@link #client()}. */
    List<MailTemplate> templates() {
        // the kind is always chosen in its list, so it alone does not make a row
        return rows("templates", TEMPLATE_ROWS, List.of("code", "name", "subject", "body"),
                (field) -> {
                    problems.addAll(placeholders.problems(field + ".subject", text(field + ".subject")));
                    problems.addAll(placeholders.problems(field + ".body", body(field + ".body")));
                    return new MailTemplate(text(field + ".code"), text(field + ".name"), kind(field + ".kind"),
                            placeholders.toStored(text(field + ".subject")), placeholders.toStored(body(field + ".body")));
                });
    }

    /** The page's field for a problem the client API reports: list rows counted as the page shows them. */
    String pageField(String apiField) {
        if (apiField.startsWith("secretaries")) {
            return "team";
        }
        Matcher row = ROW.matcher(apiField);
        if (!row.matches()) {
            return apiField;
        }
        List<Integer> kept = rowsKept.getOrDefault(row.group(1), List.of());
        int index = Integer.parseInt(row.group(2));
        return index < kept.size() ? row.group(1) + "[" + kept.get(index) + "]" + row.group(3) : apiField;
    }

    private <T> List<T> rows(String list, int count, List<String> fields, Function<String, T> row) {
        List<T> filled = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String prefix = list + "[" + i + "]";
            if (fields.stream().allMatch(field -> text(prefix + "." + field) == null)) {
                continue;
            }
            kept.add(i);
            filled.add(row.apply(prefix));
        }
        rowsKept.put(list, kept);
        return filled;
    }

    private String text(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A template's body as typed: its lines and their indentation are the mail's; browsers send CR LF. */
    private String body(String field) {
        return text(field) == null ? null : values.get(field).replace("\r\n", "\n");
    }

    /** A buffer or a notice: left empty, there is none. */
    private int minutesOrNone(String field) {
        return text(field) == null ? 0 : minutes(field);
    }

    private int minutes(String field) {
        String value = text(field);
        if (value == null) {
            problems.add(FieldProblem.of(field, "minutes.missing", "a number of minutes is needed"));
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            problems.add(FieldProblem.of(field, "minutes.notANumber", "'" + value + "' is not a whole number of minutes", value));
            return 0;
        }
    }

    private BigDecimal threshold() {
        String value = text("classificationThreshold");
        try {
            // the French write 0,8
            return value == null ? null : new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            problems.add(FieldProblem.of("classificationThreshold", "threshold.notANumber",
                    "'" + value + "' is not a number; write a confidence between 0 and 1, such as 0.8", value));
            return null;
        }
    }

    private MailTemplate.Kind kind(String field) {
        String value = text(field);
        try {
            return value == null ? null : MailTemplate.Kind.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            problems.add(FieldProblem.of(field, "template.kind.unknown", "must be EMAIL or LETTER"));
            return null;
        }
    }

    private LocalTime time(String field, boolean required) {
        String value = text(field);
        if (value == null) {
            if (required) {
                problems.add(FieldProblem.of(field, "time.missing", "a time such as 09:00 is needed"));
            }
            return null;
        }
        try {
            return LocalTime.parse(value.replace('h', ':').replace('H', ':'), TIME);
        } catch (DateTimeParseException notATime) {
            problems.add(FieldProblem.of(field, "time.notATime", "'" + value + "' is not a time; write it as 09:00", value));
            return null;
        }
    }

    private DayOfWeek day(String field) {
        String value = text(field);
        try {
            return value == null ? null : DayOfWeek.valueOf(value);
        } catch (IllegalArgumentException notADay) {
            problems.add(FieldProblem.of(field, "day.unknown", "'" + value + "' is not a day of the week", value));
            return null;
        }
    }

    private MessageDelivery messages() {
        String value = text("contactRules.messages");
        try {
            return value == null ? null : MessageDelivery.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            problems.add(FieldProblem.of("contactRules.messages", "messages.unknown", "must be IMMEDIATELY or DAILY_SUMMARY"));
            return null;
        }
    }
}

package org.permanence.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.permanence.appointments.Appointment;
import org.permanence.appointments.AppointmentBook;
import org.permanence.appointments.AppointmentProperties;
import org.permanence.appointments.BookingOutcome;
import org.permanence.appointments.BookingOutcome.Booked;
import org.permanence.appointments.BookingRequest;
import org.permanence.appointments.Bookings;
import org.permanence.appointments.OnlineBookings;
import org.permanence.appointments.SlotDays;
import org.permanence.clients.Client;
import org.permanence.clients.Client.AppointmentType;
import org.permanence.clients.ClientRepository;
import org.permanence.clients.PhoneNumbers;
import org.permanence.links.SignedLinks;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.FieldProblems;
import org.permanence.system.InvalidRequest;
import org.permanence.system.PageWords;
import org.permanence.system.SpokenDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A client's public booking page, {@code /reserver/{client}}: no login, plain HTML forms that read on a
 * phone and work with a keyboard and a screen reader, in French or English ({@code lang}, else the
 * browser's languages, else the client's). The caller picks a type (when the client offers several),
 * then a free slot, gives her name, phone and e-mail, and the appointment is booked through the same
 * process as the office's ({@link OnlineBookings}). A client whose page is off: 404, in French.
 */
@Controller
@EngineNode
class BookingPage {

    static final String PATH = "/reserver/";

    private static final Logger log = LoggerFactory.getLogger(BookingPage.class);
    /** Something, an @, something, a dot, something: the mail server says the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int NAME_LIMIT = 200;
    private static final int EMAIL_LIMIT = 320;

    private final ClientRepository clients;
    private final BookingPages pages;
    private final Bookings bookings;
    private final OnlineBookings online;
    private final AppointmentBook book;
    private final SignedLinks links;
    private final AbuseRules rules;
    private final FieldProblems problems;
    private final MessageSource texts;
    private final int pickDays;
    private final Clock clock;

    @Autowired
    BookingPage(ClientRepository clients, BookingPages pages, Bookings bookings, OnlineBookings online, AppointmentBook book,
                SignedLinks links, BookingPageProperties properties, AppointmentProperties appointments, FieldProblems problems,
                MessageSource texts) {
        this.clients = clients;
        this.pages = pages;
        this.bookings = bookings;
        this.online = online;
        this.book = book;
        this.links = links;
        this.clock = Clock.systemUTC();
        this.rules = new AbuseRules(properties, clock);
        this.problems = problems;
        this.texts = texts;
        this.pickDays = appointments.pickDays();
    }

    /** The type to pick, or (one type, or a type picked) the free slots and the caller's details. */
    @GetMapping(PATH + "{clientId}")
    String show(@PathVariable String clientId, @RequestParam(required = false) String type, @RequestParam(required = false) String lang,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<OpenPage> page = open(clientId);
        if (page.isEmpty()) {
            return closed(request, response);
        }
        Page shown = new Page(page.get(), PageWords.language(lang, request, page.get().client().language()), model, request);
        Optional<AppointmentType> chosen = page.get().type(type);
        if (chosen.isEmpty()) {
            return type == null ? shown.types(null, 200, response) : shown.types(text(shown.language, "booking.field.type"), 400, response);
        }
        return shown.form(chosen.get(), BookingForm.EMPTY, stamp(clientId), null, Map.of(), response, 200);
    }

    @PostMapping(PATH + "{clientId}")
    String send(@PathVariable String clientId, @ModelAttribute BookingForm form, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        Optional<OpenPage> open = open(clientId);
        if (open.isEmpty()) {
            return closed(request, response);
        }
        Client client = open.get().client();
        Page page = new Page(open.get(), PageWords.language(form.lang(), request, client.language()), model, request);
        // every sending counts, whatever it holds
        Optional<Refusal> attempt = rules.attempt(request.getRemoteAddr(), clientId);
        Optional<AppointmentType> type = open.get().type(form.type());
        if (type.isEmpty()) {
            return page.types(text(page.language, attempt.map(Refusal::messageKey).orElse("booking.field.type")),
                    attempt.map(refused -> refused.status).orElse(400), response);
        }
        Optional<Refusal> refusal = attempt
                .or(() -> AbuseRules.honeypot(form.website()))
                .or(() -> rules.form(links.check(form.f(), AbuseRules.FORM_STAMP), clientId));
        if (refusal.isPresent()) {
            log.warn("Booking page of {} refused a booking from {}: {}", clientId, request.getRemoteAddr(), refusal.get());
            // a stamp that was not valid is replaced; a good one keeps counting the time the form has been shown
            String stamp = refusal.get() == Refusal.FORM_NOT_VALID ? stamp(clientId) : form.f();
            return page.form(type.get(), form, stamp, text(page.language, refusal.get().messageKey()), Map.of(), response,
                    refusal.get().status);
        }
        Instant slot = instant(form.slot());
        Optional<String> number = blank(form.phone()) ? Optional.empty() : PhoneNumbers.e164(form.phone());
        Map<String, String> fieldErrors = fieldErrors(form, slot, number, page.language);
        if (!fieldErrors.isEmpty()) {
            return page.form(type.get(), form, form.f(), text(page.language, "booking.field.problems"), fieldErrors, response, 400);
        }
        String email = form.email().strip();
        refusal = rules.openBookings(book.openBookings(clientId, email, number.get(), clock.instant()));
        if (refusal.isEmpty() && !links.use(form.f(), AbuseRules.FORM_STAMP).valid()) {
            // sent twice at once (a double click): the first is on its way
            refusal = Optional.of(Refusal.FORM_NOT_VALID);
        }
        if (refusal.isPresent()) {
            return page.form(type.get(), form, stamp(clientId), text(page.language, refusal.get().messageKey()), Map.of(), response,
                    refusal.get().status);
        }
        BookingOutcome outcome;
        try {
            outcome = online.book(client, new BookingRequest(type.get().code(), slot.atOffset(ZoneOffset.UTC), form.name().strip(),
                    number.get(), email));
        } catch (InvalidRequest refused) {
            String why = problems.say(refused.problems(), Locale.forLanguageTag(page.language)).stream().map(FieldProblem::message)
                    .collect(Collectors.joining(" ; "));
            return page.form(type.get(), form, stamp(clientId), text(page.language, "booking.slot.refused") + " " + why, Map.of(),
                    response, 400);
        }
        if (outcome instanceof Booked booked) {
            log.info("Booking page of {}: appointment {} booked by the caller", clientId, booked.appointment().id());
            return page.booked(booked.appointment(), type.get());
        }
        return page.form(type.get(), form, stamp(clientId), text(page.language, "booking.slot.taken"), Map.of(), response, 409);
    }

    /** What is missing or wrong in the caller's fields, by field, in her language. */
    private Map<String, String> fieldErrors(BookingForm form, Instant slot, Optional<String> number, String language) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (slot == null) {
            errors.put("slot", text(language, "booking.field.slot"));
        }
        if (blank(form.name()) || form.name().length() > NAME_LIMIT) {
            errors.put("name", text(language, "booking.field.name"));
        }
        if (number.isEmpty()) {
            errors.put("phone", text(language, "booking.field.phone"));
        }
        if (blank(form.email()) || form.email().length() > EMAIL_LIMIT || !EMAIL.matcher(form.email().strip()).matches()) {
            errors.put("email", text(language, "booking.field.email"));
        }
        return errors;
    }

    /** The client and the types callers may book, when its page is on and offers at least one type it still has. */
    private Optional<OpenPage> open(String clientId) {
        if (clientId.length() > 40) {
            return Optional.empty();
        }
        return clients.findById(clientId).flatMap(client -> {
            BookingPageSettings settings = pages.of(clientId);
            List<AppointmentType> types = client.appointmentTypes().stream().filter(type -> settings.typeCodes().contains(type.code()))
                    .toList();
            return settings.enabled() && !types.isEmpty() ? Optional.of(new OpenPage(client, types)) : Optional.empty();
        });
    }

    private static String closed(HttpServletRequest request, HttpServletResponse response) {
        PageWords.speak(request, "fr");
        response.setStatus(404);
        return "booking/closed";
    }

    private String stamp(String clientId) {
        return links.sign(clientId, AbuseRules.FORM_STAMP, rules.stampExpiry());
    }

    private String text(String language, String key) {
        return texts.getMessage(key, null, Locale.forLanguageTag(language));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Instant instant(String slot) {
        try {
            return blank(slot) ? null : Instant.parse(slot);
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    private record OpenPage(Client client, List<AppointmentType> types) {

        /** The type asked for when the page offers it; the only one when it offers one. */
        Optional<AppointmentType> type(String code) {
            if (code == null && types.size() == 1) {
                return Optional.of(types.get(0));
            }
            return types.stream().filter(type -> type.code().equals(code)).findFirst();
        }
    }

    /** One rendering of the page, in one language. */
    private final class Page {

        private final OpenPage open;
        private final String language;
        private final Model model;

        Page(OpenPage open, String language, Model model, HttpServletRequest request) {
            this.open = open;
            this.language = language;
            this.model = model;
            PageWords.speak(request, language);
            Client client = open.client();
            model.addAttribute("client", client);
            model.addAttribute("lang", language);
            // French sentences name the client with its article: "avec le Cabinet du Dr Martin"
            model.addAttribute("clientInSentence", "fr".equals(language) ? client.theName() : client.name());
            model.addAttribute("types", open.types());
            model.addAttribute("typed", BookingForm.EMPTY);
            model.addAttribute("fieldErrors", Map.of());
        }

        String types(String problem, int status, HttpServletResponse response) {
            response.setStatus(status);
            model.addAttribute("step", "type");
            model.addAttribute("problem", problem);
            return "booking/page";
        }

        String form(AppointmentType type, BookingForm typed, String stamp, String problem, Map<String, String> fieldErrors,
                    HttpServletResponse response, int status) {
            response.setStatus(status);
            Client client = open.client();
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(client.timeZone())));
            model.addAttribute("step", "form");
            model.addAttribute("type", type);
            model.addAttribute("slotDays", SlotDays.of(bookings.freeSlots(client, type.code(), today, today.plusDays(pickDays - 1)).slots(),
                    language));
            model.addAttribute("typed", typed);
            model.addAttribute("stamp", stamp);
            model.addAttribute("problem", problem);
            model.addAttribute("fieldErrors", fieldErrors);
            return "booking/page";
        }

        String booked(Appointment appointment, AppointmentType type) {
            model.addAttribute("step", "booked");
            model.addAttribute("type", type);
            model.addAttribute("when", SpokenDates.at(appointment.start().atZone(ZoneId.of(open.client().timeZone())).toLocalDateTime(),
                    language));
            model.addAttribute("appointment", appointment);
            return "booking/page";
        }
    }
}

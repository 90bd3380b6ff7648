package org.permanence.portal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.permanence.appointments.AppointmentBook;
import org.permanence.calls.CallRecords;
import org.permanence.clients.Client;
import org.permanence.clients.ClientAbsence;
import org.permanence.clients.ClientAbsences;
import org.permanence.clients.ClientRepository;
import org.permanence.clients.PhoneNumbers;
import org.permanence.drafting.engine.DraftAnswers;
import org.permanence.mail.ClientMail;
import org.permanence.notifications.DailySummaries;
import org.permanence.people.SignedInUser;
import org.permanence.portal.engine.ClientAccounts;
import org.permanence.system.EngineNode;
import org.permanence.system.PageWords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client portal (docs/clients.md): one of a client's people reads its messages (the calls the secretaries
 * handled), searches them, marks them dealt with, says when the client cannot be reached, sees its appointments of
 * the coming days, downloads its filed documents and sees those awaiting classification, approves the drafts
 * awaiting its approval or asks for changes, downloads its daily summaries. Always its own client
 * only: the one tenant its account belongs to, the same tenant that keeps a secretary to the clients she serves; an
 * item of another client is answered 404 as one that does not exist. French or English, as the browser asks.
 */
@Controller
@EngineNode
class PortalPage {

    /** Messages shown at once: the newest; a search finds older ones. */
    static final int MESSAGES = 50;
    /** Daily summaries listed for download: about a month's. */
    static final int SUMMARIES = 31;
    /** How far ahead the portal lists the client's appointments. */
    static final Duration COMING_DAYS = Duration.ofDays(7);
    /** Longest absence one may set: beyond that, the office's managers change the client's briefing. */
    static final Duration LONGEST_ABSENCE = Duration.ofDays(31);

    private final ClientRepository clients;
    private final CallRecords calls;
    private final ClientAbsences absences;
    private final AppointmentBook appointments;
    private final PortalDocuments documents;
    private final DraftAnswers drafts;
    private final DailySummaries summaries;
    private final ClientAccounts accounts;
    private final MessageSource texts;
    private final Clock clock;

    @Autowired
    PortalPage(ClientRepository clients, CallRecords calls, ClientAbsences absences, AppointmentBook appointments, PortalDocuments documents,
               DraftAnswers drafts, DailySummaries summaries, ClientAccounts accounts, MessageSource texts) {
        this(clients, calls, absences, appointments, documents, drafts, summaries, accounts, texts, Clock.systemUTC());
    }

    PortalPage(ClientRepository clients, CallRecords calls, ClientAbsences absences, AppointmentBook appointments, PortalDocuments documents,
               DraftAnswers drafts, DailySummaries summaries, ClientAccounts accounts, MessageSource texts, Clock clock) {
        this.clients = clients;
        this.calls = calls;
        this.absences = absences;
        this.appointments = appointments;
        this.documents = documents;
        this.drafts = drafts;
        this.summaries = summaries;
        this.accounts = accounts;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/portail")
    String show(SignedInUser user, @RequestParam(required = false) String q, HttpServletRequest request, Model model) {
        Client client = clientOf(user);
        Locale language = PageWords.speak(request, PageWords.language(null, request, client.language()));
        model.addAttribute("lang", language.getLanguage());
        model.addAttribute("zone", client.timeZone());
        model.addAttribute("user", user);
        model.addAttribute("client", client);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("messages", calls.messagesOf(client.id(), q, MESSAGES));
        Optional<ClientAbsence> absence = absences.at(client.id(), clock.instant());
        model.addAttribute("absence", absence.orElse(null));
        model.addAttribute("urgentTo", absence.map(ClientAbsence::urgentTo).map(PhoneNumbers::readable).orElse(null));
        Instant now = clock.instant();
        model.addAttribute("appointments", appointments.bookedBetween(client.id(), now, now.plus(COMING_DAYS)));
        model.addAttribute("filed", documents.filed(client.id()));
        model.addAttribute("awaiting", documents.awaitingClassification(client.id()));
        model.addAttribute("drafts", drafts.waiting(client.id()));
        model.addAttribute("summaries", summaries.sent(client.id(), SUMMARIES));
        return "portal/page";
    }

    /**
     * The client's answer to a draft awaiting its approval, as its approval mail's links give it: {@code approve} sends
     * it, anything else sends it back to the secretary with {@code comment}. A draft of another client, or one that
     * waits no more, is not found.
     */
    @PostMapping("/portail/brouillons/{caseId}")
    String answerDraft(SignedInUser user, @PathVariable String caseId, @RequestParam(defaultValue = "") String answer,
                       @RequestParam(required = false) String comment) {
        if (!drafts.answer(clientOf(user).id(), caseId, "approve".equals(answer), comment)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such draft waiting");
        }
        return "redirect:/portail";
    }

    /** The PDF of one of the client's daily summaries, the one due at {@code dueAt} (seconds since the epoch). */
    @GetMapping("/portail/syntheses/{dueAt}")
    ResponseEntity<byte[]> summary(SignedInUser user, @PathVariable long dueAt) {
        ClientMail.Attachment pdf = summaries.pdf(clientOf(user).id(), Instant.ofEpochSecond(dueAt))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such summary"));
        return attachment(pdf.fileName(), MediaType.parseMediaType(pdf.contentType()), pdf.content());
    }

    /** One of the client's filed documents, as it was filed; another client's, or one not filed yet, is not found. */
    @GetMapping("/portail/documents/{documentId}")
    ResponseEntity<byte[]> document(SignedInUser user, @PathVariable String documentId) {
        Client client = clientOf(user);
        PortalDocuments.Download download = documents.download(client.id(), documentId, user.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such document"));
        return attachment(download.name(), download.mediaType(), download.bytes());
    }

    private static ResponseEntity<byte[]> attachment(String name, MediaType type, byte[] content) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(content);
    }

    @PostMapping("/portail/messages/{callId}/traite")
    String markHandled(SignedInUser user, @PathVariable String callId) {
        Client client = clientOf(user);
        if (!calls.markHandledByClient(client.id(), callId, user.id(), clock.instant())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such message");
        }
        return "redirect:/portail";
    }

    /**
     * The client is away until {@code until} (the date and time as the page's field sends it, in the client's time
     * zone); {@code message} is what the secretaries read, {@code urgentTo} where urgent calls go meanwhile.
     */
    @PostMapping("/portail/absence")
    String setAbsence(SignedInUser user, @RequestParam(defaultValue = "") String message, @RequestParam(defaultValue = "") String until,
                      @RequestParam(defaultValue = "") String urgentTo, HttpServletRequest request, RedirectAttributes redirect) {
        Client client = clientOf(user);
        Locale language = Locale.forLanguageTag(PageWords.language(null, request, client.language()));
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        String said = message.strip();
        if (said.isEmpty() || said.length() > ClientAbsence.MAX_MESSAGE) {
            problems.add("portal.absence.message-needed");
        }
        Instant ends = endOf(until, ZoneId.of(client.timeZone()));
        if (ends == null || !ends.isAfter(now) || ends.isAfter(now.plus(LONGEST_ABSENCE))) {
            problems.add("portal.absence.until-needed");
        }
        Optional<String> forward = PhoneNumbers.e164(urgentTo);
        if (!urgentTo.isBlank() && forward.isEmpty()) {
            problems.add("portal.absence.number-unreadable");
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems.stream().map(code -> texts.getMessage(code, null, language)).toList());
            return "redirect:/portail";
        }
        absences.set(new ClientAbsence(client.id(), said, forward.orElse(null), ends, user.id(), now));
        return "redirect:/portail";
    }

    @PostMapping("/portail/absence/fin")
    String endAbsence(SignedInUser user) {
        absences.end(clientOf(user).id());
        return "redirect:/portail";
    }

    /**
     * The one client this person belongs to. An account of no client, or of several (made by hand in Camunda Admin),
     * gets nothing: the portal never guesses which client someone speaks for. Asked of the engine at each request, not
     * only of the session: an account a manager removed, or moved, gets nothing more from a session opened before.
     */
    private Client clientOf(SignedInUser user) {
        if (user.clients().size() != 1 || !accounts.isAccountOf(user.clients().get(0), user.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This account belongs to no single client");
        }
        return clients.findById(user.clients().get(0))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "This account's client is gone"));
    }

    private static Instant endOf(String until, ZoneId zone) {
        try {
            return LocalDateTime.parse(until).atZone(zone).toInstant();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}

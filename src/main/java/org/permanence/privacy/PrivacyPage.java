package org.permanence.privacy;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.manage.engine.PageTexts;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblems;
import org.permanence.system.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Données personnelles", a client's page for managers: how long its records are kept, the last purges,
 * finding a caller and what is held of her, erasing her (then the receipt), exporting her data, and who
 * read what lately. {@code /manage/privacy} lists the clients.
 */
@Controller
@EngineNode
class PrivacyPage {

    private static final int PURGES_SHOWN = 12;
    private static final int ACCESS_ENTRIES_SHOWN = 50;

    private final ClientRepository clients;
    private final Retention retention;
    private final CallerRecords records;
    private final Erasure erasure;
    private final AccessLog accessLog;
    private final Purge purge;
    private final Receipts receipts;
    private final PageTexts texts;
    private final FieldProblems problems;

    PrivacyPage(ClientRepository clients, Retention retention, CallerRecords records, Erasure erasure, AccessLog accessLog, Purge purge,
                Receipts receipts, PageTexts texts, FieldProblems problems) {
        this.clients = clients;
        this.retention = retention;
        this.records = records;
        this.erasure = erasure;
        this.accessLog = accessLog;
        this.purge = purge;
        this.receipts = receipts;
        this.texts = texts;
        this.problems = problems;
    }

    @GetMapping("/manage/privacy")
    String clients(SignedInUser user, Model model, HttpServletRequest request) {
        texts.addTo(model, user, request);
        model.addAttribute("clients", clients.findAll());
        return "manage/privacy-clients";
    }

    @GetMapping("/manage/clients/{clientId}/privacy")
    String page(SignedInUser user, @PathVariable String clientId, @RequestParam(name = "q", required = false) String query, Model model,
                HttpServletRequest request) {
        String language = texts.addTo(model, user, request);
        Client client = known(user, clientId);
        model.addAttribute("client", client);
        model.addAttribute("zone", java.time.ZoneId.of(client.timeZone()));
        model.addAttribute("kinds", RecordKind.values());
        // keyed by the kind's name: SpEL cannot convert a page's key into the enum of an EnumMap
        model.addAttribute("days", byName(retention.of(clientId)));
        model.addAttribute("officeDays", byName(retention.defaults().retentionDays()));
        model.addAttribute("accessLogDays", retention.defaults().accessLogDays());
        model.addAttribute("purges", purge.lastOf(clientId, PURGES_SHOWN));
        model.addAttribute("query", query);
        model.addAttribute("errors", Map.of());
        List<String> itemIds = null;
        if (query != null) {
            try {
                Held held = records.find(clientId, query);
                model.addAttribute("held", held.counts());
                itemIds = List.copyOf(held.itemIds());
            } catch (InvalidRequest e) {
                model.addAttribute("queryProblem", problems.say(e.problems().get(0), java.util.Locale.forLanguageTag(language)).message());
            }
        }
        model.addAttribute("reads", accessLog.ofClient(clientId, itemIds, ACCESS_ENTRIES_SHOWN));
        return "manage/privacy";
    }

    @PostMapping("/manage/clients/{clientId}/privacy/retention")
    String setRetention(SignedInUser user, @PathVariable String clientId, @RequestParam Map<String, String> form, Model model,
                        HttpServletRequest request) {
        String language = texts.addTo(model, user, request);
        known(user, clientId);
        Map<RecordKind, Integer> days = new EnumMap<>(RecordKind.class);
        Map<String, String> errors = new HashMap<>();
        for (RecordKind kind : RecordKind.values()) {
            String typed = form.getOrDefault(kind.name(), "").strip();
            if (typed.isEmpty()) {
                continue; // left empty: the office's days
            }
            try {
                days.put(kind, Integer.parseInt(typed));
            } catch (NumberFormatException e) {
                days.put(kind, -1);
            }
        }
        try {
            retention.set(clientId, PrivacyController.checked(days), user.id());
        } catch (InvalidRequest e) {
            e.problems().forEach(problem -> errors.put(problem.field().substring("days.".length()),
                    problems.say(problem, java.util.Locale.forLanguageTag(language)).message()));
            page(user, clientId, null, model, request);
            model.addAttribute("errors", errors);
            model.addAttribute("typed", form);
            return "manage/privacy";
        }
        return "redirect:/manage/clients/" + clientId + "/privacy?saved";
    }

    @PostMapping("/manage/clients/{clientId}/privacy/erasure")
    String erase(SignedInUser user, @PathVariable String clientId, @RequestParam("q") String query,
                 @RequestParam(name = "confirm", required = false) String confirm, Model model, HttpServletRequest request) {
        known(user, clientId);
        if (confirm == null) {
            page(user, clientId, query, model, request);
            model.addAttribute("confirmMissing", true);
            return "manage/privacy";
        }
        Erasure.Receipt receipt = erasure.erase(clientId, query, user);
        return "redirect:/manage/clients/" + clientId + "/erasures/" + receipt.id();
    }

    @GetMapping("/manage/clients/{clientId}/erasures/{receiptId}")
    String receipt(SignedInUser user, @PathVariable String clientId, @PathVariable String receiptId, Model model, HttpServletRequest request) {
        texts.addTo(model, user, request);
        model.addAttribute("client", known(user, clientId));
        Erasure.Receipt receipt = erasure.receipt(clientId, receiptId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No erasure " + receiptId));
        model.addAttribute("receipt", receipt);
        model.addAttribute("receiptText", receipts.text(receipt));
        return "manage/erasure";
    }

    private static Map<String, Integer> byName(Map<RecordKind, Integer> days) {
        Map<String, Integer> named = new HashMap<>();
        days.forEach((kind, kept) -> named.put(kind.name(), kept));
        return named;
    }

    private Client known(SignedInUser user, String clientId) {
        return clients.findById(clientId).filter(client -> user.serves(client.id()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No client " + clientId));
    }
}

package org.permanence.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.permanence.clients.ClientRepository;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A client's personal data, for managers: how long each kind of record is kept, what is held of a caller,
 * erasing her (with the receipt), exporting her data, and who read what.
 */
@RestController
@EngineNode
class PrivacyController {

    static final int ACCESS_ENTRIES_SHOWN = 200;

    private final ClientRepository clients;
    private final Retention retention;
    private final CallerRecords records;
    private final Erasure erasure;
    private final CallerExport export;
    private final AccessLog accessLog;
    private final Receipts receipts;

    PrivacyController(ClientRepository clients, Retention retention, CallerRecords records, Erasure erasure, CallerExport export,
                      AccessLog accessLog, Receipts receipts) {
        this.clients = clients;
        this.retention = retention;
        this.records = records;
        this.erasure = erasure;
        this.export = export;
        this.accessLog = accessLog;
        this.receipts = receipts;
    }

    record RetentionAnswer(String client, Map<RecordKind, Integer> days, Map<RecordKind, Integer> officeDays, int accessLogDays) {
    }

    record RetentionRequest(Map<RecordKind, Integer> days) {
    }

    record ErasureRequest(String caller) {
    }

    record HeldAnswer(Caller caller, Held.Counts counts, List<String> cases) {
    }

    @GetMapping("/api/clients/{clientId}/retention")
    RetentionAnswer retention(SignedInUser user, @PathVariable String clientId) {
        mustBeKnown(user, clientId);
        return new RetentionAnswer(clientId, retention.of(clientId), retention.defaults().retentionDays(), retention.defaults().accessLogDays());
    }

    @PutMapping("/api/clients/{clientId}/retention")
    RetentionAnswer setRetention(SignedInUser user, @PathVariable String clientId, @RequestBody RetentionRequest request) {
        mustBeKnown(user, clientId);
        retention.set(clientId, checked(request == null ? null : request.days()), user.id());
        return retention(user, clientId);
    }

    @GetMapping("/api/clients/{clientId}/callers")
    HeldAnswer held(SignedInUser user, @PathVariable String clientId, @RequestParam(name = "q", required = false) String query) {
        mustBeKnown(user, clientId);
        Held held = records.find(clientId, query);
        return new HeldAnswer(held.caller(), held.counts(), List.copyOf(held.cases()));
    }

    @GetMapping("/api/clients/{clientId}/callers/export")
    ResponseEntity<byte[]> export(SignedInUser user, @PathVariable String clientId, @RequestParam(name = "q", required = false) String query) {
        mustBeKnown(user, clientId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("export-" + clientId + ".zip").build().toString())
                .body(export.zip(clientId, query));
    }

    @PostMapping("/api/clients/{clientId}/erasures")
    ResponseEntity<Erasure.Receipt> erase(SignedInUser user, @PathVariable String clientId, @RequestBody ErasureRequest request) {
        mustBeKnown(user, clientId);
        return ResponseEntity.status(HttpStatus.CREATED).body(erasure.erase(clientId, request == null ? null : request.caller(), user));
    }

    /** The receipt as text, for the client to forward; in the client's language. */
    @GetMapping("/api/clients/{clientId}/erasures/{receiptId}")
    ResponseEntity<String> receipt(SignedInUser user, @PathVariable String clientId, @PathVariable String receiptId) {
        mustBeKnown(user, clientId);
        Erasure.Receipt receipt = erasure.receipt(clientId, receiptId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No erasure " + receiptId + " for client " + clientId));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("effacement-" + receipt.id() + ".txt")
                        .build().toString())
                .body(receipts.text(receipt));
    }

    @GetMapping("/api/clients/{clientId}/access-log")
    List<AccessLog.Entry> accessLog(SignedInUser user, @PathVariable String clientId,
                                    @RequestParam(name = "caller", required = false) String caller) {
        mustBeKnown(user, clientId);
        return accessLog.ofClient(clientId, caller == null ? null : records.find(clientId, caller).itemIds(), ACCESS_ENTRIES_SHOWN);
    }

    /** Managers serve every client; a client that does not exist is answered as one. */
    void mustBeKnown(SignedInUser user, String clientId) {
        if (!user.serves(clientId) || !clients.exists(clientId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No client " + clientId);
        }
    }

    static Map<RecordKind, Integer> checked(Map<RecordKind, Integer> days) {
        List<FieldProblem> problems = new ArrayList<>();
        if (days == null) {
            throw new InvalidRequest(List.of(FieldProblem.of("days", "NotNull", "must be given")));
        }
        days.forEach((kind, kept) -> {
            if (kept == null || kept < 1 || kept > Retention.MAX_DAYS) {
                problems.add(FieldProblem.of("days." + kind.name(), "privacy.days.range", "a number of days from 1 to " + Retention.MAX_DAYS,
                        Retention.MAX_DAYS));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return days;
    }
}

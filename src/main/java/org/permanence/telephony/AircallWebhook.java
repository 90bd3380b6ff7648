package org.permanence.telephony;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.permanence.calls.CallStatus;
import org.permanence.calls.IncomingCall;
import org.permanence.calls.IncomingCalls;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Aircall's webhook. Aircall signs nothing: every event carries the webhook's token in its body,
 * compared here with the configured one. An inbound {@code call.created} starts the call's process;
 * {@code call.answered} and {@code call.ended} are news about a call already received. Any other
 * event is accepted and left alone, because Aircall disables a webhook that keeps failing.
 */
@RestController
@EngineNode
class AircallWebhook {

    static final String PROVIDER = "aircall";
    private static final Map<String, CallStatus> STATUS_OF = Map.of(
            "call.created", CallStatus.RINGING, "call.answered", CallStatus.ANSWERED, "call.ended", CallStatus.ENDED);

    private final IncomingCalls calls;
    private final TelephonyProperties properties;
    private final ObjectMapper json;

    AircallWebhook(IncomingCalls calls, TelephonyProperties properties, ObjectMapper json) {
        this.calls = calls;
        this.properties = properties;
        this.json = json;
    }

    @PostMapping(path = "/webhooks/aircall", consumes = MediaType.APPLICATION_JSON_VALUE)
    Receipt event(HttpServletRequest request) throws IOException {
        if (!properties.aircall().enabled()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Aircall webhooks are off on this office: "
                    + "set PERMANENCE_TELEPHONY_AIRCALL_TOKEN to the token Aircall shows for the webhook");
        }
        AircallEvent event = parse(WebhookBody.read(request, properties.maxBodyBytes()));
        authenticate(event.token());
        CallStatus status = STATUS_OF.get(event.event());
        if (!"call".equals(event.resource()) || status == null) {
            return Receipt.ignored(null);
        }
        AircallEvent.Data call = requireCall(event.data(), status == CallStatus.RINGING);
        if (call.direction() != null && !"inbound".equals(call.direction())) {
            return Receipt.ignored(call.id());
        }
        if (status == CallStatus.RINGING) {
            return Receipt.of(call.id(), calls.receive(incoming(call, status)));
        }
        if (call.number() == null || call.number().digits() == null || call.number().digits().isBlank()) {
            return Receipt.of(call.id(), calls.progress(PROVIDER, call.id(), status));
        }
        // Aircall describes the whole call in every event and does not promise their order: an ended
        // call whose call.created comes later (or never) is still the call, filed with its last status
        return Receipt.of(call.id(), calls.progressOrReceive(incoming(call, status)));
    }

    /** A withheld caller's raw_digits is Aircall's "anonymous", or nothing at all: both are the call of a withheld number. */
    private static IncomingCall incoming(AircallEvent.Data call, CallStatus status) {
        return new IncomingCall(PROVIDER, call.id(), call.number().digits(), call.rawDigits(), status);
    }

    private AircallEvent parse(byte[] body) throws IOException {
        try {
            AircallEvent event = json.readValue(body, AircallEvent.class);
            if (event == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The body is empty JSON (null), not an Aircall event");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The body is not an Aircall event in JSON: " + e.getOriginalMessage());
        }
    }

    private void authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The event carries no token; Aircall puts the webhook's token in every event");
        }
        // in constant time, so the time taken tells a forger nothing about how close he came
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), properties.aircall().token().getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The event's token is not this office's Aircall webhook token");
        }
    }

    /**
     * The call's id always; the line that rang when it is new, since it says whose call it is. The
     * caller's number may be missing: Aircall sends none for a withheld number.
     */
    private static AircallEvent.Data requireCall(AircallEvent.Data call, boolean isNew) {
        if (call == null) {
            throw new InvalidRequest(List.of(new FieldProblem("data", "is missing; a call event describes its call there")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        WebhookFields.required("data.id", call.id(), problems);
        String line = call.number() == null ? null : call.number().digits();
        // news may describe the call too, and then may file it: its line is held to the same measure
        if (isNew || line != null && !line.isBlank()) {
            WebhookFields.required("data.number.digits", line, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return call;
    }
}

package org.permanence.telephony;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Twilio's voice status callbacks, signed with {@link TwilioSignature}. Whichever callback of a call
 * comes first (Twilio sends only {@code completed} unless told otherwise) starts its process; the
 * others are news about its status.
 */
@RestController
@EngineNode
class TwilioWebhook {

    static final String PROVIDER = "twilio";
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    private static final Map<String, CallStatus> STATUS_OF = Map.of(
            "queued", CallStatus.RINGING, "initiated", CallStatus.RINGING, "ringing", CallStatus.RINGING,
            "in-progress", CallStatus.ANSWERED,
            "completed", CallStatus.ENDED, "busy", CallStatus.ENDED, "no-answer", CallStatus.ENDED,
            "canceled", CallStatus.ENDED, "failed", CallStatus.ENDED);

    private final IncomingCalls calls;
    private final TelephonyProperties properties;

    TwilioWebhook(IncomingCalls calls, TelephonyProperties properties) {
        this.calls = calls;
        this.properties = properties;
    }

    @PostMapping(path = "/webhooks/twilio/voice", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Receipt statusCallback(HttpServletRequest request, @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature)
            throws IOException {
        if (!properties.twilio().enabled()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Twilio webhooks are off on this office: "
                    + "set PERMANENCE_TELEPHONY_TWILIO_AUTH_TOKEN to the account's auth token");
        }
        Map<String, String> parameters = formParameters(WebhookBody.read(request, properties.maxBodyBytes()));
        if (signature == null || signature.isBlank()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "No " + SIGNATURE_HEADER + " header; Twilio signs every request");
        }
        if (!TwilioSignature.matches(signature, properties.twilio().authToken(), signedUrl(properties.publicBaseUrl(), request), parameters)) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The " + SIGNATURE_HEADER + " does not match this request. "
                    + "Behind a proxy, set permanence.telephony.public-base-url to the address Twilio calls");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String callSid = WebhookFields.required("CallSid", parameters.get("CallSid"), problems);
        String from = WebhookFields.required("From", parameters.get("From"), problems);
        String to = WebhookFields.required("To", parameters.get("To"), problems);
        String callStatus = WebhookFields.required("CallStatus", parameters.get("CallStatus"), problems);
        CallStatus status = STATUS_OF.get(callStatus);
        if (callStatus != null && status == null) {
            problems.add(new FieldProblem("CallStatus", "'" + callStatus + "' is none of Twilio's call statuses " + STATUS_OF.keySet()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        String direction = parameters.get("Direction");
        if (direction != null && !"inbound".equals(direction)) {
            return Receipt.ignored(callSid);
        }
        return Receipt.of(callSid, calls.receive(new IncomingCall(PROVIDER, callSid, to, from, status)));
    }

    /**
     * The URL Twilio called, which it signed: the configured public address when there is one (behind
     * a proxy the node sees another scheme, host or port), otherwise this request's own.
     */
    static String signedUrl(String publicBaseUrl, HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            return request.getRequestURL() + query;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return publicBaseUrl.replaceAll("/+$", "") + path + query;
    }

    /**
     * The POST parameters alone, decoded from the body as sent: the servlet's parameters would mix in
     * the query string, which Twilio signs as part of the URL instead.
     */
    static Map<String, String> formParameters(byte[] body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.putIfAbsent(name, value) != null) {
                // Twilio's voice callbacks send each parameter once; which value it signed would be a guess
                throw new InvalidRequest(List.of(new FieldProblem(name, "is sent twice")));
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The body is not form-encoded: " + e.getMessage());
        }
    }
}

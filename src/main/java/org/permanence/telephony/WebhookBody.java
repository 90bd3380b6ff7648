package org.permanence.telephony;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A webhook's body, read as the raw bytes that were sent (Twilio signs the parameters exactly as
 * they came) and refused past the configured size before it is all in memory: the endpoints are
 * open to anyone until the body is checked.
 */
final class WebhookBody {

    private WebhookBody() {
    }

    static byte[] read(HttpServletRequest request, int maxBytes) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        // a chunked body has no length: read one byte past the limit to know
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return body;
    }

    private static ResponseStatusException tooLarge(int maxBytes) {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                "A webhook body may be " + maxBytes + " bytes at most (permanence.telephony.max-body-bytes)");
    }
}

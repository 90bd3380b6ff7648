package org.permanence.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall (no {@code ;} parameters, encoded slashes, dots or backslashes,
 * no {@code //}, no control characters), plus: a path may not percent-encode a letter, digit or
 * {@code - . _ ~}. No browser or client library encodes those (JavaScript's encodeURIComponent
 * leaves them as they are), so {@code /%61pi/clients} is someone trying a path our rules would not
 * recognise as {@code /api/clients}. Refused requests answer 400.
 */
class NeedlessEncodingFirewall implements HttpFirewall {

    private static final Pattern ENCODED = Pattern.compile("%([0-9A-Fa-f]{2})");

    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        String uri = request.getRequestURI();
        Matcher encoded = ENCODED.matcher(uri == null ? "" : uri);
        while (encoded.find()) {
            if (unreserved((char) Integer.parseInt(encoded.group(1), 16))) {
                throw new RequestRejectedException("The path encodes a character that needs no encoding: " + encoded.group());
            }
        }
        return strict.getFirewalledRequest(request);
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }
}

package org.permanence.people;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A request that checks a password: the Tasklist/Cockpit login form ({@code POST …/api/admin/auth/user/{engine}/login/{app}}),
 * the client portal's ({@code POST /portail/connexion})
 * or any request with HTTP Basic credentials. {@code user} and {@code password} are null when they cannot be read
 * (a login form too long to be one); {@code request} is the one to pass on (a login form's body, once read, is replayed).
 */
record SignInAttempt(HttpServletRequest request, boolean loginForm, String user, String password) {

    /**
     * The servlet container's decoded path, without {@code ;parameters}: an encoded or decorated address cannot slip past.
     * Camunda's webapps' login, and the client portal's, which takes the same fields.
     */
    private static final Pattern LOGIN_FORM = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+/?|/portail/connexion/?");
    /** A login form is a user name, a password and little else. */
    private static final int MAX_FORM_BYTES = 8192;

    static Optional<SignInAttempt> of(HttpServletRequest request) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if ("POST".equalsIgnoreCase(request.getMethod()) && LOGIN_FORM.matcher(path).matches()) {
            return Optional.of(loginForm(request));
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) && readsBasic(path)) {
            return Optional.of(BasicCredentials.from(authorization)
                    .map(credentials -> new SignInAttempt(request, false, credentials.userId(), credentials.password()))
                    .orElseGet(() -> new SignInAttempt(request, false, null, null)));
        }
        return Optional.empty();
    }

    /**
     * Whether HTTP Basic credentials are read there at all. Camunda's pages and the OpenID Connect sign-in's own
     * addresses never read them: their redirect or 401 says nothing of the password, and counted as a failure it
     * would spend the budget of, and unlearn as known good, the workers' account a script happened to send along.
     */
    private static boolean readsBasic(String path) {
        return !(path.startsWith("/camunda/app/") || path.startsWith("/oauth2/") || path.startsWith("/login/oauth2/"));
    }

    /**
     * Whether the answer says the password was refused: 401, or 403 from the login form (refused for the
     * application). 403 on a Basic request is a signed-in user refused an action, not a failed sign-in.
     */
    boolean refusedWith(int status) {
        return status == 401 || (loginForm && status == 403);
    }

    /**
     * Whether a sign-in not known good failed: refused, or a Basic request to a page that sent its reader to sign
     * in (a redirect), which would otherwise tell a guesser the password was wrong without spending her budget.
     */
    boolean failedWith(int status) {
        return refusedWith(status) || (!loginForm && status >= 300 && status < 400);
    }

    boolean hasCredentials() {
        return user != null && password != null;
    }

    private static SignInAttempt loginForm(HttpServletRequest request) throws IOException {
        if (!MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(mediaType(request))) {
            return new SignInAttempt(request, true, null, null);
        }
        Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(request.getCharacterEncoding());
        InputStream body = request.getInputStream();
        byte[] read = body.readNBytes(MAX_FORM_BYTES + 1);
        ReplayedForm replayed = new ReplayedForm(request, read, body, charset);
        if (read.length > MAX_FORM_BYTES) {
            return new SignInAttempt(replayed, true, null, null);
        }
        return new SignInAttempt(replayed, true, replayed.first("username"), replayed.first("password"));
    }

    private static MediaType mediaType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(request.getContentType());
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    /** The login request with its body read once here and replayed to whoever reads it next, as a stream or as parameters. */
    private static final class ReplayedForm extends HttpServletRequestWrapper {

        private final byte[] read;
        private final InputStream rest;
        private final Charset charset;
        private final Map<String, List<String>> form = new LinkedHashMap<>();

        ReplayedForm(HttpServletRequest request, byte[] read, InputStream rest, Charset charset) {
            super(request);
            this.read = read;
            this.rest = rest;
            this.charset = charset;
            if (read.length <= MAX_FORM_BYTES) {
                for (String pair : new String(read, charset).split("&")) {
                    if (!pair.isEmpty()) {
                        int equals = pair.indexOf('=');
                        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                        form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                    }
                }
            }
        }

        String first(String name) {
            List<String> values = form.get(name);
            return values == null ? null : values.get(0);
        }

        private String decode(String text) {
            try {
                return URLDecoder.decode(text, charset);
            } catch (IllegalArgumentException e) {
                return text;
            }
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream replay = new SequenceInputStream(new ByteArrayInputStream(read), rest);
            return new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int next = replay.read();
                    finished = next < 0;
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int count = replay.read(buffer, offset, length);
                    finished = count < 0;
                    return count;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The login form is read blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        // the container now sees the query string only: the form's fields are added back
        @Override
        public String getParameter(String name) {
            String[] values = getParameterValues(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
            form.forEach((name, values) -> parameters.merge(name, values.toArray(String[]::new), (query, body) -> {
                String[] both = new String[query.length + body.length];
                System.arraycopy(query, 0, both, 0, query.length);
                System.arraycopy(body, 0, both, query.length, body.length);
                return both;
            }));
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }
    }
}

package org.permanence.people;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Failed sign-ins are throttled by address and by (address, user): past a budget a sign-in is answered 429 with
 * {@code Retry-After}, its password unchecked, so nobody can guess fast nor lock an account by naming it (the
 * engine's own lock-out is off, see application.yaml). Runs before whoever checks passwords and learns the outcome
 * from the answer (see {@link SignInAttempt#failedWith}), so it holds whatever authenticates behind it.
 * Credentials that signed in recently pass even from a throttled address ({@link KnownGoodCredentials}).
 */
final class SignInThrottle implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignInBudgets budgets;
    private final KnownGoodCredentials knownGood;
    private final MessageSource texts;

    SignInThrottle(SignInBudgets budgets, KnownGoodCredentials knownGood, MessageSource texts) {
        this.budgets = budgets;
        this.knownGood = knownGood;
        this.texts = texts;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        Optional<SignInAttempt> found = SignInAttempt.of(request);
        if (found.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        SignInAttempt attempt = found.get();
        // behind a proxy, the client's address once server.forward-headers-strategy is set
        String source = request.getRemoteAddr();
        String fingerprint = attempt.hasCredentials() ? knownGood.fingerprint(attempt.user(), attempt.password()) : null;
        boolean known = fingerprint != null && knownGood.known(fingerprint);
        if (!known) {
            Optional<SignInBudgets.Refusal> refusal = budgets.reserve(source, attempt.user());
            if (refusal.isPresent()) {
                refuse(request, response, source, attempt.user(), refusal.get());
                return;
            }
        }
        Outcome outcome = new Outcome(attempt, source, fingerprint, known, response);
        boolean answeredLater = false;
        boolean threw = true;
        try {
            chain.doFilter(attempt.request(), response);
            threw = false;
            if (request.isAsyncStarted()) {
                // the engine's long-polling fetchAndLock answers from another thread
                request.getAsyncContext().addListener(outcome);
                answeredLater = true;
            }
        } finally {
            if (!answeredLater) {
                // an exception on its way to the container says nothing of the password: neither failure nor success
                outcome.settle(threw ? 0 : response.getStatus());
            }
        }
    }

    /** What the answer to one sign-in says, settled once whether it comes now or after an asynchronous wait. */
    private final class Outcome implements AsyncListener {

        private final SignInAttempt attempt;
        private final String source;
        private final String fingerprint;
        private final boolean known;
        private final HttpServletResponse response;
        private final AtomicBoolean settled = new AtomicBoolean();

        Outcome(SignInAttempt attempt, String source, String fingerprint, boolean known, HttpServletResponse response) {
            this.attempt = attempt;
            this.source = source;
            this.fingerprint = fingerprint;
            this.known = known;
            this.response = response;
        }

        void settle(int status) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            if (fingerprint != null && status >= 200 && status < 300) {
                knownGood.signedIn(fingerprint);
            }
            if (!known) {
                budgets.settle(source, attempt.user(), attempt.failedWith(status));
            } else if (attempt.refusedWith(status)) {
                // the password changed since: no longer known good, and this failure counts
                knownGood.refused(fingerprint);
                budgets.failedUnreserved(source, attempt.user());
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            settle(response.getStatus());
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String source, String user,
                        SignInBudgets.Refusal refusal) throws IOException {
        long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
        if (refusal.logNow()) {
            LOG.warn("Sign-in refused unchecked, too many failures: from {} as {}, again in {} s{}", printable(source),
                    user == null ? "(no user)" : printable(user), seconds,
                    refusal.unloggedBefore() == 0 ? "" : " (" + refusal.unloggedBefore() + " more refused in the last minute)");
        }
        Locale language = language(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:permanence:sign-in-throttled");
        problem.put("title", texts.getMessage("signIn.throttled.title", null, language));
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put("detail", texts.getMessage("signIn.throttled.detail", new Object[] {seconds}, language));
        problem.put("retryAfter", seconds);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.getLanguage());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getWriter(), problem);
    }

    /** French or English as the reader's browser prefers; English when it says neither (scripts, workers). */
    private static Locale language(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
            for (Locale wanted : Collections.list(request.getLocales())) {
                if (wanted.getLanguage().equals("fr") || wanted.getLanguage().equals("en")) {
                    return Locale.forLanguageTag(wanted.getLanguage());
                }
            }
        }
        return Locale.ENGLISH;
    }

    /** A user name is whatever a stranger typed: no line breaks or control characters into the log, and not too long. */
    static String printable(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        StringBuilder printable = new StringBuilder(shown.length() + 2).append('\'');
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                printable.append(String.format("\\u%04x", c));
            } else {
                printable.appendCodePoint(c);
            }
        });
        return printable.append('\'').toString();
    }
}

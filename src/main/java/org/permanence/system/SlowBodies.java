package org.permanence.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * Keeps clients that send their request body slowly from taking every request thread. A body is read
 * on a request thread that waits for each byte: two hundred connections each trickling a webhook body
 * a byte a second used to hold all of Tomcat's threads, and the health probe timed out. Here only
 * {@link SlowBodiesProperties#readersAtOnce()} requests with a body are inside the node at once (the
 * next ones are answered 503 at once, unread), and a body that arrives slower than the minimum rate
 * after the grace period is given up with 408, its connection closed.
 */
final class SlowBodies implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(SlowBodies.class);
    /**
     * Request attribute: the rest of this request's body is not to be read. Tomcat would otherwise
     * "swallow" it after the answer, on the request thread, as slowly as it comes ({@link UnreadBodiesClose}).
     */
    static final String GIVEN_UP = SlowBodies.class.getName() + ".givenUp";
    private static final long WARNING_INTERVAL = TimeUnit.MINUTES.toNanos(1);

    private final Semaphore readers;
    private final SlowBodiesProperties properties;
    /**
     * Unread leftovers up to this size are read past at the same pace rule, holding the reader's place
     * (keeping the connection, so an upload refused for its size still gets its answer read); a larger
     * rest closes the connection.
     */
    private final long maxDrain;

    SlowBodies(SlowBodiesProperties properties, long maxDrain) {
        this.readers = new Semaphore(properties.readersAtOnce());
        this.properties = properties;
        this.maxDrain = maxDrain;
    }

    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL);

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!readers.tryAcquire()) {
            warnNowAndThen(() -> LOG.warn("{} request bodies are being received already: {} {} from {} refused with 503 "
                    + "(permanence.slow-bodies.readers-at-once)", properties.readersAtOnce(), request.getMethod(),
                    request.getRequestURI(), request.getRemoteAddr()));
            request.setAttribute(GIVEN_UP, Boolean.TRUE);
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            // a bare status, no error page: an attack sends thousands, each must cost next to nothing
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        TimedBody body = new TimedBody(request, properties, maxDrain);
        boolean leftUnread = false;
        try {
            chain.doFilter(body, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // a handler lets the read's failure through as it came, or wrapped: the answer below says what happened
            if (body.givenUp == null) {
                throw e;
            }
        } finally {
            try {
                leftUnread = body.givenUp != null || (!request.isAsyncStarted() && !body.drain());
            } catch (IOException tooSlowOrClientGone) {
                leftUnread = true;
            } finally {
                readers.release();
            }
        }
        if (leftUnread) {
            request.setAttribute(GIVEN_UP, Boolean.TRUE);
        }
        if (body.givenUp != null && !body.drainedTooSlowly) {
            warnNowAndThen(() -> LOG.warn("{} {} from {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
                    body.givenUp));
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(HttpServletResponse.SC_REQUEST_TIMEOUT);
            }
        }
    }

    /** An attack sends thousands of these: the log says it once a minute, not thousands of times. */
    private void warnNowAndThen(Runnable warning) {
        long last = lastWarning.get();
        if (System.nanoTime() - last >= WARNING_INTERVAL && lastWarning.compareAndSet(last, System.nanoTime())) {
            warning.run();
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** The body, given up once it arrives too slowly. */
    private static final class TimedBody extends HttpServletRequestWrapper {

        private final SlowBodiesProperties properties;
        private final long maxDrain;
        private final long start = System.nanoTime();
        private long received;
        private String givenUp;
        private boolean draining;
        private boolean drainedTooSlowly;
        private ServletInputStream stream;

        TimedBody(HttpServletRequest request, SlowBodiesProperties properties, long maxDrain) {
            super(request);
            this.properties = properties;
            this.maxDrain = maxDrain;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new TimedStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private void check(int justRead) throws BodyTooSlow {
            if (justRead > 0) {
                received += justRead;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double graceSeconds = properties.grace().toMillis() / 1e3;
            if (seconds > graceSeconds && received < (seconds - graceSeconds) * properties.minRate().toBytes()) {
                drainedTooSlowly = draining;
                givenUp = "the body came at " + Math.round(received / seconds) + " bytes/s, under the "
                        + properties.minRate().toBytes() + " bytes/s required after " + properties.grace().toSeconds()
                        + " s (permanence.slow-bodies): given up";
                throw new BodyTooSlow(givenUp);
            }
        }

        /**
         * Reads past what the handler left of the body, at the same pace rule, so Tomcat has nothing left
         * to swallow; false when more than {@code maxDrain} is left (the handler's answer stands, the
         * connection is closed after it).
         */
        boolean drain() throws IOException {
            ServletInputStream rest = getInputStream();
            if (rest.isFinished()) {
                return true;
            }
            long declared = getContentLengthLong();
            if (declared > 0 && declared - received > maxDrain) {
                return false;
            }
            draining = true;
            byte[] buffer = new byte[8192];
            long drained = 0;
            for (int count; (count = rest.read(buffer)) >= 0; ) {
                drained += count;
                if (drained > maxDrain) {
                    return false;
                }
            }
            return true;
        }

        private final class TimedStream extends ServletInputStream {

            private final ServletInputStream body;

            TimedStream(ServletInputStream body) {
                this.body = body;
            }

            @Override
            public int read() throws IOException {
                check(0);
                int next = body.read();
                check(next < 0 ? 0 : 1);
                return next;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                check(0);
                int count = body.read(buffer, offset, length);
                check(count);
                return count;
            }

            @Override
            public boolean isFinished() {
                return body.isFinished();
            }

            @Override
            public boolean isReady() {
                return body.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                body.setReadListener(listener);
            }
        }
    }

    /** Thrown by a read of a body that arrives too slowly: the handler gives up reading it. */
    private static final class BodyTooSlow extends IOException {

        BodyTooSlow(String message) {
            super(message);
        }
    }
}

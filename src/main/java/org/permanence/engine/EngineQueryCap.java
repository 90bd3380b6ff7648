package org.permanence.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Every query through the engine's REST API (ours at /engine-rest, the webapps' at /camunda/api/engine)
 * returns at most {@code permanence.engine.max-results} rows: a {@code maxResults} above it, or none
 * at all, becomes the cap. One request could otherwise make the engine load every task, instance or
 * history row of the office into memory. Paging ({@code firstResult}) reaches the rest. Requests that
 * are not queries ignore the parameter.
 */
final class EngineQueryCap implements Filter {

    static final String MAX_RESULTS = "maxResults";

    private final int cap;

    EngineQueryCap(int cap) {
        this.cap = cap;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(new Capped((HttpServletRequest) request, capped(request.getParameter(MAX_RESULTS))), response);
    }

    private String capped(String asked) {
        if (asked == null) {
            return Integer.toString(cap);
        }
        try {
            return Integer.parseInt(asked.trim()) > cap ? Integer.toString(cap) : asked;
        } catch (NumberFormatException e) {
            // the REST API answers its own 400
            return asked;
        }
    }

    /** The request with {@code maxResults} replaced, in the query string (Jersey reads it there) and the parameters. */
    private static final class Capped extends HttpServletRequestWrapper {

        private final String maxResults;

        Capped(HttpServletRequest request, String maxResults) {
            super(request);
            this.maxResults = maxResults;
        }

        @Override
        public String getQueryString() {
            List<String> pairs = new ArrayList<>();
            String original = super.getQueryString();
            if (original != null) {
                for (String pair : original.split("&")) {
                    if (!pair.isEmpty() && !pair.equals(MAX_RESULTS) && !pair.startsWith(MAX_RESULTS + "=")) {
                        pairs.add(pair);
                    }
                }
            }
            pairs.add(MAX_RESULTS + "=" + maxResults);
            return String.join("&", pairs);
        }

        @Override
        public String getParameter(String name) {
            return MAX_RESULTS.equals(name) ? maxResults : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return MAX_RESULTS.equals(name) ? new String[] {maxResults} : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
            parameters.put(MAX_RESULTS, new String[] {maxResults});
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }
}

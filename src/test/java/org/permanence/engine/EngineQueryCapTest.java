package org.permanence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A secretary cannot make the engine load the whole office in one query. */
@OfficeIntegrationTest
class EngineQueryCapTest {

    @Test
    void aHugeOrMissingMaxResultsBecomesTheCapAndSmallerOnesStay() throws Exception {
        assertThat(reachingTheEngine("tenantIdIn=cabinet-martin&maxResults=100000")).isEqualTo("tenantIdIn=cabinet-martin&maxResults=1000");
        assertThat(reachingTheEngine("tenantIdIn=cabinet-martin")).isEqualTo("tenantIdIn=cabinet-martin&maxResults=1000");
        assertThat(reachingTheEngine(null)).isEqualTo("maxResults=1000");
        assertThat(reachingTheEngine("firstResult=30&maxResults=15")).isEqualTo("firstResult=30&maxResults=15");
    }

    @Test
    void aSecretarysHugeQueryIsAnsweredWithinTheCap() throws Exception {
        for (String query : new String[] {"/task?maxResults=100000", "/task", "/history/variable-instance?maxResults=100000"}) {
            HttpResponse<String> answer = call("GET", SharedNode.baseUrl() + "/engine-rest" + query, "claire", DEMO_PASSWORD, null);
            assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(answer.body()).size()).as(query).isLessThanOrEqualTo(1000);
        }
    }

    private static String reachingTheEngine(String queryString) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        request.setQueryString(queryString);
        if (queryString != null) {
            for (String pair : queryString.split("&")) {
                String[] parts = pair.split("=", 2);
                request.addParameter(parts[0], parts[1]);
            }
        }
        AtomicReference<String> seen = new AtomicReference<>();
        new EngineQueryCap(1000).doFilter(request, new MockHttpServletResponse(), (passed, response) -> {
            seen.set(((HttpServletRequest) passed).getQueryString());
            assertThat(passed.getParameter(EngineQueryCap.MAX_RESULTS)).isEqualTo(seen.get().replaceAll(".*maxResults=", ""));
        });
        return seen.get();
    }
}

package org.permanence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.WORKER_PASSWORD;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;

/**
 * Walks the access table of docs/security.md, the one people read: every row as anonymous, each
 * secretary, the manager and the workers' account. The table is the test's only source, so the two cannot
 * drift apart.
 */
@OfficeIntegrationTest
public class AccessTableTest {

    static final Path DOCUMENT = Path.of("docs/security.md");

    /** Who walks each column: the column's title, then user and password (null: anonymous). */
    private static final Map<String, List<String[]>> WALKERS = new LinkedHashMap<>();

    static {
        WALKERS.put("Anonymous", List.<String[]>of(new String[] {null, null}));
        WALKERS.put("Secretary", List.of(new String[] {"claire", DEMO_PASSWORD}, new String[] {"sophie", DEMO_PASSWORD}));
        WALKERS.put("Manager", List.<String[]>of(new String[] {"nadia", DEMO_PASSWORD}));
        WALKERS.put("Worker account", List.<String[]>of(new String[] {"permanence-worker", WORKER_PASSWORD}));
    }

    public record Row(String method, String path, String body, Map<String, String> expected) {
    }

    @Test
    void everyoneGetsWhatTheAccessTableSays() throws Exception {
        List<Row> rows = table();
        assertThat(rows).as("rows of the access table").hasSizeGreaterThan(30);

        SoftAssertions softly = new SoftAssertions();
        for (Row row : rows) {
            List<Integer> ownAnswers = new ArrayList<>();
            for (Map.Entry<String, List<String[]>> column : WALKERS.entrySet()) {
                String expected = row.expected().get(column.getKey());
                for (String[] walker : column.getValue()) {
                    HttpResponse<String> response = TestOffice.call(row.method(), SharedNode.baseUrl() + row.path(), walker[0], walker[1],
                            row.body());
                    String who = row.method() + " " + row.path() + " as " + (walker[0] == null ? "anonymous" : walker[0]);
                    int status = response.statusCode();
                    switch (expected) {
                        case "login" -> softly.assertThat(status == 302 && response.headers().firstValue("Location").orElse("")
                                .endsWith("/camunda/app/tasklist/default/")).as(who + ": " + status + " " + response.headers().map()).isTrue();
                        case "portal-login" -> softly.assertThat(status == 302 && response.headers().firstValue("Location").orElse("")
                                .endsWith("/portail/connexion")).as(who + ": " + status + " " + response.headers().map()).isTrue();
                        case "own" -> {
                            softly.assertThat(status).as(who).isNotEqualTo(302).isLessThan(500);
                            ownAnswers.add(status);
                        }
                        default -> softly.assertThat(status).as(who + ": " + abbreviated(response.body())).isEqualTo(Integer.parseInt(expected));
                    }
                }
            }
            softly.assertThat(ownAnswers.stream().distinct().count()).as(row.path() + " answers the same whoever asks: " + ownAnswers)
                    .isLessThanOrEqualTo(1);
        }
        softly.assertAll();
    }

    /** The rows between the access-table markers: method, path, body, then one expected status per column. */
    public static List<Row> table() throws Exception {
        List<Row> rows = table("access-table");
        rows.forEach(row -> assertThat(row.expected().keySet()).as("columns of the access table").containsExactlyElementsOf(WALKERS.keySet()));
        return rows;
    }

    /** The rows of the table between {@code <!-- name: begin -->} and {@code <!-- name: end -->}. */
    static List<Row> table(String name) throws Exception {
        String text = Files.readString(DOCUMENT);
        String table = text.substring(text.indexOf("<!-- " + name + ": begin -->"), text.indexOf("<!-- " + name + ": end -->"));
        List<String> lines = table.lines().filter(line -> line.startsWith("|")).toList();
        List<String> titles = cells(lines.get(0));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = cells(line);
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 3; i < titles.size(); i++) {
                expected.put(titles.get(i), cells.get(i));
            }
            rows.add(new Row(cells.get(0), cells.get(1), cells.get(2).isEmpty() ? null : cells.get(2), expected));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.lastIndexOf('|'));
        return Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}

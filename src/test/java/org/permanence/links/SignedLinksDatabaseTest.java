package org.permanence.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Links on the office's real database (H2 here, PostgreSQL with -Ppostgres), with the generated key. */
@OfficeIntegrationTest
class SignedLinksDatabaseTest {

    private static final int CLICKS = 20;

    @Autowired
    SignedLinks links;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theGeneratedKeyIsKeptSoLinksStillWorkAfterARestartOrOnAnotherNode() {
        String token = links.sign("appointment-restart", "confirm", Instant.now().plusSeconds(3600));
        // a node started later (or another node) has no key in memory: it reads the kept one
        LinkKey restarted = new LinkKey(new LinkProperties("", URI.create("http://localhost:8080")), jdbc);

        LinkCheck check = new SignedLinks(restarted, jdbc).use(token, "confirm");

        assertThat(check.outcome()).isEqualTo(LinkOutcome.VALID);
        assertThat(jdbc.sql("select count(*) from signed_link_key").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void ofTwentyClicksAtOnceOnOneLinkExactlyOneUsesIt() throws Exception {
        String token = links.sign("appointment-race", "cancel", Instant.now().plusSeconds(3600));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clicks = Executors.newFixedThreadPool(CLICKS);
        try {
            List<Future<LinkOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < CLICKS; i++) {
                outcomes.add(clicks.submit(() -> {
                    go.await();
                    return links.use(token, "cancel").outcome();
                }));
            }
            go.countDown();
            List<LinkOutcome> results = new ArrayList<>();
            for (Future<LinkOutcome> outcome : outcomes) {
                results.add(outcome.get());
            }

            assertThat(results).filteredOn(LinkOutcome.VALID::equals).hasSize(1);
            assertThat(results).filteredOn(LinkOutcome.USED::equals).hasSize(CLICKS - 1);
        } finally {
            clicks.shutdownNow();
        }
    }
}

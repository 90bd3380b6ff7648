package org.permanence.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestClients;
import org.permanence.TestMail;
import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Clients;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.permanence.printing.VeraPdf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Messages wait for the client's hour, then go in one mail with a PDF; against the node's database and SMTP server. */
@OfficeIntegrationTest
class DailySummariesTest {

    /** Wednesday 12 March 2025, 18:45 in Paris. */
    private static final Instant DUE = Instant.parse("2025-03-12T17:45:00Z");

    @Autowired
    DailySummaries summaries;
    @Autowired
    Clients clients;
    @Autowired
    MailFolder folder;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSummaryTakesEveryWaitingMessageIntoOneMailWithAPdfOnce() throws Exception {
        Client client = summaryClient("fr");
        summaries.keep(message(client, "call-a", "M. Dupont", "Renouvellement d'ordonnance", "2025-03-12T08:05:00Z"));
        CallMessage second = message(client, "call-b", "Mme Lefèvre", "Résultats d'analyse à commenter", "2025-03-12T13:32:00Z");
        summaries.keep(second);
        summaries.keep(second);

        assertThat(summaries.send(client.id(), DUE)).isEqualTo(2);
        assertThat(summaries.send(client.id(), DUE)).as("a retry of the same summary").isEqualTo(2);

        List<StoredMail> received = TestMail.to(folder, client.contactRules().email());
        assertThat(received).hasSize(1);
        StoredMail mail = received.get(0);
        assertThat(mail.clientId()).contains(client.id());
        assertThat(mail.subject()).isEqualTo("Récapitulatif du mercredi 12 mars : 2 messages");
        assertThat(TestMail.autoSubmitted(mail)).as("no person sends it").isEqualTo("auto-generated");
        assertThat(mail.text()).contains("1. M. Dupont a appelé le mercredi 12 mars à 09:05.",
                "2. Mme Lefèvre a appelé le mercredi 12 mars à 14:32.", "Motif : Résultats d'analyse à commenter");
        assertThat(mail.attachmentNames()).containsExactly("messages-2025-03-12.pdf");
        try (PDDocument pdf = Loader.loadPDF(TestMail.attachment(mail, "messages-2025-03-12.pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Récapitulatif du mercredi 12 mars : 2 messages",
                    "M. Dupont a appelé le mercredi 12 mars à 09:05.", "Mme Lefèvre a appelé le mercredi 12 mars à 14:32.");
        }
        assertThat(VeraPdf.pdfA2aFailures(TestMail.attachment(mail, "messages-2025-03-12.pdf")))
                .as("the mailed summary's broken PDF/A-2a rules").isEmpty();
        assertThat(jdbc.sql("select count(*) from summary_message where client_id = ? and summarised_at is not null")
                .param(client.id()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aMessageKeptAfterASummaryWaitsForTheNextOneAndADayWithoutMessagesSendsNothing() {
        Client client = summaryClient("en");
        summaries.keep(message(client, "call-c", "Mr Smith", "Invoice", "2025-03-12T08:00:00Z"));
        summaries.send(client.id(), DUE);
        summaries.keep(message(client, "call-d", "Ms Jones", "Quote", "2025-03-12T18:10:00Z"));

        assertThat(summaries.send(client.id(), DUE.plusSeconds(86_400))).isEqualTo(1);
        assertThat(summaries.send(client.id(), DUE.plusSeconds(2 * 86_400))).as("nothing waits").isZero();

        assertThat(TestMail.to(folder, client.contactRules().email())).extracting(StoredMail::subject)
                .containsExactly("Summary for Wednesday 12 March: 1 message", "Summary for Thursday 13 March: 1 message");
    }

    @Test
    void aClientThatSwitchedToImmediateMessagesGetsAKeptMessageAtOnce() {
        Client client = clients.store(TestClients.client("switched", "fr", MessageDelivery.IMMEDIATELY, null));

        summaries.keep(message(client, "call-e", "M. Dupont", "Rappel", "2025-03-12T08:00:00Z"));

        assertThat(TestMail.to(folder, client.contactRules().email())).extracting(StoredMail::subject)
                .containsExactly("Message de M. Dupont : Rappel");
        assertThat(summaries.send(client.id(), DUE)).isZero();
    }

    @Test
    void theNextSummaryIsAtTheClientsHourAndAClientWithoutSummariesGetsALastOneNow() {
        Client daily = clients.store(TestClients.client("horaire", "fr", MessageDelivery.DAILY_SUMMARY, LocalTime.of(18, 45)));
        Client immediate = clients.store(TestClients.client("immediat", "fr", MessageDelivery.IMMEDIATELY, null));
        Instant now = Instant.parse("2025-03-12T09:00:00Z");

        assertThat(summaries.next(daily.id(), now)).isEqualTo(new DailySummaries.NextSummary(DUE, false));
        assertThat(summaries.next(immediate.id(), now)).isEqualTo(new DailySummaries.NextSummary(now, true));
    }

    /** A client whose summary hour is far from now, so its own daily-summary instance stays out of the way. */
    private Client summaryClient(String language) {
        LocalTime farFromNow = LocalTime.now(ZoneId.of("Europe/Paris")).plusHours(12);
        return clients.store(TestClients.client("recap", language, MessageDelivery.DAILY_SUMMARY, farFromNow));
    }

    private static CallMessage message(Client client, String call, String caller, String reason, String at) {
        return new CallMessage(call + "-" + client.id(), client.id(), caller, "0612345678", reason, "message", "calm", null,
                Instant.parse(at));
    }
}

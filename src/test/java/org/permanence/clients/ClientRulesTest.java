package org.permanence.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.clients.Client.Briefing;
import org.permanence.clients.Client.ContactRules;
import org.permanence.clients.Client.DocumentCategory;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Client.OpeningHours;
import org.permanence.clients.Client.PhoneLine;
import org.permanence.system.FieldProblem;

@Tag("unit")
class ClientRulesTest {

    @Test
    void aSoundClientHasNoProblem() {
        assertThat(ClientRules.check(client(List.of(hours(DayOfWeek.MONDAY, 9, 12), hours(DayOfWeek.MONDAY, 12, 18)),
                MessageDelivery.IMMEDIATELY, null, List.of("facture")))).isEmpty();
    }

    @Test
    void rangesThatTouchDoNotOverlapButRangesThatCrossDo() {
        List<FieldProblem> problems = ClientRules.check(client(
                List.of(hours(DayOfWeek.MONDAY, 9, 12), hours(DayOfWeek.TUESDAY, 10, 11), hours(DayOfWeek.MONDAY, 11, 13)),
                MessageDelivery.IMMEDIATELY, null, List.of()));

        assertThat(problems).extracting(FieldProblem::field).containsExactly("openingHours[2]");
        assertThat(problems.get(0).message()).contains("MONDAY 11:00–13:00 overlaps 09:00–12:00 (openingHours[0])");
    }

    @Test
    void closingBeforeOpeningIsAProblem() {
        assertThat(ClientRules.check(client(List.of(hours(DayOfWeek.FRIDAY, 14, 9)), MessageDelivery.IMMEDIATELY, null, List.of())))
                .extracting(FieldProblem::field).containsExactly("openingHours[0]");
    }

    @Test
    void aDailySummaryNeedsItsTime() {
        assertThat(ClientRules.check(client(List.of(), MessageDelivery.DAILY_SUMMARY, null, List.of())))
                .extracting(FieldProblem::field).containsExactly("contactRules.dailySummaryAt");
        assertThat(ClientRules.check(client(List.of(), MessageDelivery.DAILY_SUMMARY, LocalTime.of(18, 0), List.of()))).isEmpty();
    }

    @Test
    void notifyingAnUnknownCategoryIsAProblem() {
        assertThat(ClientRules.check(client(List.of(), MessageDelivery.IMMEDIATELY, null, List.of("facture", "devis"))))
                .extracting(FieldProblem::field).containsExactly("contactRules.notifyDocumentCategories[1]");
    }

    private static OpeningHours hours(DayOfWeek day, int opens, int closes) {
        return new OpeningHours(day, LocalTime.of(opens, 0), LocalTime.of(closes, 0));
    }

    private static Client client(List<OpeningHours> hours, MessageDelivery delivery, LocalTime summaryAt, List<String> notify) {
        return new Client("essai", "Essai", "fr", "Europe/Paris", List.of(new PhoneLine("01 23 45 67 89", "Accueil")), hours,
                List.of(), new Briefing("Bonjour", "Jamais", "Personne", null),
                new ContactRules("a@example.fr", "b@example.fr", delivery, summaryAt, 60, 15, notify),
                List.of(new DocumentCategory("facture", "Facture")), new BigDecimal("0.8"), null);
    }
}

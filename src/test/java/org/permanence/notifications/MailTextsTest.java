package org.permanence.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.TestClients;
import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;

@Tag("unit")
class MailTextsTest {

    private final MailTexts texts = new MailTexts();
    private final Client french = TestClients.client("martin", "fr", MessageDelivery.IMMEDIATELY, null);
    private final Client english = TestClients.client("smith", "en", MessageDelivery.IMMEDIATELY, null);
    /** 14:32 in Paris (winter time). */
    private final Instant handled = Instant.parse("2025-03-11T13:32:00Z");

    @Test
    void aFrenchMessageSaysWhoCalledWhenOnWhichNumberAndWhy() {
        MailTexts.Wording wording = texts.message(french, message("M. Dupont", "0612345678", "Renouvellement d'ordonnance",
                "annoyed", "Passera demain matin.\r\nPréfère être rappelé après 17 h."));

        assertThat(wording.subject()).isEqualTo("Message de M. Dupont : Renouvellement d'ordonnance");
        assertThat(wording.text()).isEqualTo("""
                M. Dupont a appelé le mardi 11 mars à 14:32.
                Numéro : +33 6 12 34 56 78
                Motif : Renouvellement d'ordonnance
                Humeur : agacement
                Notes : Passera demain matin.
                Préfère être rappelé après 17 h.

                Votre secrétariat
                """);
    }

    @Test
    void aCalmCallerWithoutNotesLeavesNoEmptyLine() {
        MailTexts.Wording wording = texts.message(french, message("M. Dupont", "numéro masqué", "Résultats", "calm", " "));

        assertThat(wording.text()).isEqualTo("""
                M. Dupont a appelé le mardi 11 mars à 14:32.
                Numéro : numéro masqué
                Motif : Résultats

                Votre secrétariat
                """);
    }

    @Test
    void anEnglishClientReadsEnglishInItsTimeZone() {
        MailTexts.Wording wording = texts.message(english, message(null, "+44 20 7946 0958", "Quote for a new boiler",
                "distressed", null));

        assertThat(wording.subject()).isEqualTo("Message from a caller: Quote for a new boiler");
        assertThat(wording.text()).startsWith("""
                A caller called on Tuesday 11 March at 14:32.
                Number: +44 20 7946 0958
                Reason: Quote for a new boiler
                Mood: distressed
                """).endsWith("Your secretarial team\n");
    }

    @Test
    void anUrgentSubjectStartsWithUrgentInBothLanguagesAndTheReasonStaysOnOneLine() {
        CallMessage urgent = message("Mme Petit", "0698765432", "Douleur thoracique\ndepuis ce matin", "distressed", null);

        MailTexts.Wording french = texts.urgent(this.french, urgent);
        MailTexts.Wording english = texts.urgent(this.english, urgent);

        assertThat(french.subject()).isEqualTo("URGENT : Mme Petit – Douleur thoracique depuis ce matin");
        assertThat(french.text()).startsWith("Appel urgent pour " + this.french.name() + " : merci de rappeler au plus vite.")
                .contains("Humeur : détresse");
        assertThat(english.subject()).startsWith("URGENT: Mme Petit");
        assertThat(english.text()).startsWith("Urgent call for " + this.english.name() + ": please call back as soon as possible.");
    }

    @Test
    void aLongReasonIsCutInTheSubjectOnly() {
        String reason = "Question sur la facture ".repeat(10).strip();

        MailTexts.Wording wording = texts.message(french, message("M. Dupont", "0612345678", reason, "calm", null));

        assertThat(wording.subject()).hasSizeLessThanOrEqualTo(120).endsWith("facture…");
        assertThat(wording.text()).contains(reason);
    }

    @Test
    void theDailySummaryNumbersItsMessages() {
        List<String> calls = List.of(texts.call(french, message("M. Dupont", "0612345678", "Ordonnance", "calm", null)),
                texts.call(french, message("Mme Petit", "0698765432", "Rendez-vous", "angry", "Troisième appel")));

        MailTexts.Wording wording = texts.dailySummary(french, LocalDate.of(2025, 3, 11), calls);

        assertThat(wording.subject()).isEqualTo("Récapitulatif du mardi 11 mars : 2 messages");
        assertThat(wording.text()).contains("""
                1. M. Dupont a appelé le mardi 11 mars à 14:32.
                Numéro : +33 6 12 34 56 78
                Motif : Ordonnance

                2. Mme Petit a appelé le mardi 11 mars à 14:32.
                Numéro : +33 6 98 76 54 32
                Motif : Rendez-vous
                Humeur : colère
                Notes : Troisième appel
                """).endsWith("Votre secrétariat\n");
        assertThat(texts.dailySummary(english, LocalDate.of(2025, 3, 11), calls.subList(0, 1)).subject())
                .isEqualTo("Summary for Tuesday 11 March: 1 message");
    }

    private CallMessage message(String caller, String number, String reason, String mood, String notes) {
        return new CallMessage("call-1", french.id(), caller, number, reason, "message", mood, notes, handled);
    }
}

package org.permanence.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.appointments.AppointmentBook;
import org.permanence.clients.ClientAbsence;
import org.permanence.clients.ClientAbsences;
import org.permanence.clients.ClientRepository;
import org.permanence.system.WritesVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

@OfficeIntegrationTest
class CallerIdentificationTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    @Autowired
    ClientRepository clients;

    @Autowired
    CallRecords calls;

    @Autowired
    AppointmentBook appointments;

    @Autowired
    ClientAbsences absences;

    @Autowired
    MessageSource texts;

    private CallerIdentification identification() {
        return new CallerIdentification(clients, calls, appointments, absences, texts, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theDialledLineNamesTheClientWrittenAnyWayWithItsBriefingAndDeadlines() {
        Map<String, Object> card = identification().identify("+33 1 45 67 89 10", "06 12 34 56 78");

        assertThat(card).containsEntry("lineKnown", true).containsEntry("clientId", "cabinet-martin")
                .containsEntry("callerNumber", "+33612345678")
                .containsEntry("clientMessageDelivery", "DAILY_SUMMARY")
                // the GP practice: urgent calls confirmed within 15 minutes, call-backs within 2 hours
                .containsEntry("urgentConfirmWithin", "PT15M")
                .containsEntry("urgentConfirmDue", Date.from(NOW.plusSeconds(15 * 60)))
                .containsEntry("callBackDue", Date.from(NOW.plusSeconds(120 * 60)));
        assertThat((String) card.get("briefingUrgentWhen")).contains("15");
    }

    @Test
    void aReturningCallersLastCallsAreOnTheCardAndHisNameIsFilledIn() {
        String caller = "06 55 44 33 " + (10 + (int) (System.nanoTime() % 80));
        assertThat(identification().identify("05 56 98 76 54", caller)).containsEntry("callerHistory", "Premier appel de ce numéro.")
                .doesNotContainKey("callerName");
        for (int earlier = 1; earlier <= 4; earlier++) {
            calls.record(new HandledCall("history-" + caller + "-" + earlier, null, "plomberie-leroy", "05 56 98 76 54", caller,
                    "Mme Lefèvre", "Fuite n°" + earlier, "message", "annoyed", null, null));
        }

        Map<String, Object> card = identification().identify("05 56 98 76 54", caller);

        assertThat(card).containsEntry("callerName", "Mme Lefèvre");
        String history = (String) card.get("callerHistory");
        assertThat(history.lines()).hasSize(CallerIdentification.HISTORY)
                .allMatch(line -> line.startsWith("- ") && line.contains("Mme Lefèvre : Fuite n°"));
    }

    /** What an earlier caller said is shown in Traiter l'appel's markdown card as he said it, never as a link or markup. */
    @Test
    void anEarlierCallersWordsAreShownAsTextOnTheCard() {
        String caller = "06 55 44 11 " + (10 + (int) (System.nanoTime() % 80));
        calls.record(new HandledCall("markdown-" + caller, null, "plomberie-leroy", "05 56 98 76 54", caller,
                "<img src=x onerror=alert(1)>", "**URGENT** [payer ici](https://evil.example/pay)\n# Titre", "message", "calm", null, null));

        String history = (String) identification().identify("05 56 98 76 54", caller).get("callerHistory");

        assertThat(history).contains("\\<img src\\=x onerror\\=alert\\(1\\)\\> : \\*\\*URGENT\\*\\* \\[payer ici\\]\\(https\\:\\/\\/evil\\.example\\/pay\\) \\# Titre")
                .doesNotContain("[payer ici](").hasLineCount(1);
    }

    /** The deployment guard lets decision tables read what the worker declares it sets: the declaration must be the card. */
    @Test
    void theWorkerDeclaresExactlyTheVariablesOfAFullCard() throws ClassNotFoundException {
        String caller = "06 55 44 22 " + (10 + (int) (System.nanoTime() % 80));
        calls.record(new HandledCall("declared-" + caller, null, "plomberie-leroy", "05 56 98 76 54", caller,
                "M. Durand", "Chaudière", "message", "calm", null, null));

        Map<String, Object> fullCard = identification().identify("05 56 98 76 54", caller);

        WritesVariables declared = Class.forName("org.permanence.workers.calls.IdentifyCallerWorker").getAnnotation(WritesVariables.class);
        assertThat(declared.value()).containsExactlyInAnyOrderElementsOf(fullCard.keySet());
    }

    /**
     * An absence set in the portal is on the card of every call while it runs, with the number urgent calls go to,
     * the client's words kept out of markdown; once its end has passed the card says the client is reachable.
     */
    @Test
    void theClientsAbsenceIsOnTheCardUntilItEnds() {
        Instant ends = NOW.plusSeconds(3 * 3600);
        absences.set(new ClientAbsence("plomberie-leroy", "Absent cet après-midi — **urgences** au Dr Petit", "06 12 34 56 78", ends,
                "test", NOW));
        try {
            String card = (String) identification().identify("05 56 98 76 54", "06 11 22 33 44").get("clientAvailability");
            assertThat(card).isEqualTo("Absent jusqu'au 27/11/2026 13:00 : Absent cet après\\-midi — \\*\\*urgences\\*\\* au Dr Petit"
                    + " Urgences : transférer au +33 6 12 34 56 78.");
            String later = (String) new CallerIdentification(clients, calls, appointments, absences, texts, Clock.fixed(ends, ZoneOffset.UTC))
                    .identify("05 56 98 76 54", "06 11 22 33 44").get("clientAvailability");
            assertThat(later).isEqualTo("Joignable comme d'habitude.");
        } finally {
            absences.end("plomberie-leroy");
        }
    }

    @Test
    void anUnknownLineStillLandsWithoutAClient() {
        Map<String, Object> card = identification().identify("09 99 99 99 99", "numéro masqué");

        assertThat(card).containsEntry("lineKnown", false).doesNotContainKey("clientId")
                .containsEntry("clientName", "Ligne inconnue +33999999999")
                .containsEntry("callerNumber", "Numéro masqué");
    }
}

package org.permanence.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestClients;
import org.permanence.TestMail;
import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Clients;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.springframework.beans.factory.annotation.Autowired;

/** A client is told about its calls by mail, in its language, at the address its contact rules give. */
@OfficeIntegrationTest
class ClientNotificationsTest {

    @Autowired
    ClientNotifications notifications;
    @Autowired
    Clients clients;
    @Autowired
    MailFolder folder;

    @Test
    void aMessageGoesToTheClientsAddressOnceHoweverOftenTheStepRuns() throws Exception {
        Client client = clients.store(TestClients.client("medecin", "fr", MessageDelivery.IMMEDIATELY, null));
        CallMessage message = message(client, "Renouvellement d'ordonnance", "annoyed");

        notifications.tellNow(message);
        notifications.tellNow(message);

        List<StoredMail> received = TestMail.to(folder, client.contactRules().email());
        assertThat(received).hasSize(1);
        StoredMail mail = received.get(0);
        assertThat(mail.clientId()).contains(client.id());
        assertThat(mail.subject()).isEqualTo("Message de M. Dupont : Renouvellement d'ordonnance");
        assertThat(TestMail.autoSubmitted(mail)).as("no person sends it").isEqualTo("auto-generated");
        assertThat(mail.text()).contains("M. Dupont a appelé le mardi 11 mars à 14:32.", "Numéro : +33 6 12 34 56 78",
                "Humeur : agacement", "Notes : Rappeler avant 18 h");
        assertThat(TestMail.to(folder, client.contactRules().urgentEmail())).isEmpty();
    }

    @Test
    void anUrgentCallGoesToTheUrgentContactWithUrgentFirstInTheSubject() throws Exception {
        Client client = clients.store(TestClients.client("plumber", "en", MessageDelivery.DAILY_SUMMARY, LocalTime.of(3, 0)));

        notifications.tellUrgently(message(client, "Water leak in the kitchen", "distressed"));

        List<StoredMail> received = TestMail.to(folder, client.contactRules().urgentEmail());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).subject()).isEqualTo("URGENT: M. Dupont – Water leak in the kitchen");
        assertThat(TestMail.autoSubmitted(received.get(0))).as("no person sends it").isEqualTo("auto-generated");
        assertThat(received.get(0).text()).contains("Urgent call for " + client.name(), "Mood: distressed");
        assertThat(received.get(0).clientId()).contains(client.id());
        assertThat(TestMail.to(folder, client.contactRules().email())).as("urgent mail goes to the urgent contact only").isEmpty();
    }

    @Test
    void aMessageForAClientThatDoesNotExistIsAnErrorNamingIt() {
        CallMessage orphan = new CallMessage("call-x", "nobody-here", "M. Dupont", "0612345678", "?", "message", "calm", null,
                Instant.now());

        assertThatThrownBy(() -> notifications.tellNow(orphan)).hasMessageContaining("nobody-here").hasMessageContaining("call-x");
    }

    private static CallMessage message(Client client, String reason, String mood) {
        // 14:32 in Paris
        return new CallMessage("call-" + client.id(), client.id(), "M. Dupont", "06 12 34 56 78", reason, "message", mood,
                "Rappeler avant 18 h", Instant.parse("2025-03-11T13:32:00Z"));
    }
}

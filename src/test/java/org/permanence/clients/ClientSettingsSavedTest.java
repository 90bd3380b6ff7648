package org.permanence.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.TestClients;
import org.permanence.clients.Client.ContactRules;
import org.permanence.clients.Client.MessageDelivery;

@Tag("unit")
class ClientSettingsSavedTest {

    private static final Client GP = TestClients.client("resume", "fr", MessageDelivery.DAILY_SUMMARY, LocalTime.of(18, 45));

    @Test
    void aNewClientOrAnotherHourOrDeliveryOrTimeZoneMovesTheSchedule() {
        assertThat(new ClientSettingsSaved(null, GP).summaryScheduleChanged()).isTrue();
        assertThat(new ClientSettingsSaved(GP, withRules(GP, MessageDelivery.DAILY_SUMMARY, LocalTime.of(19, 0))).summaryScheduleChanged()).isTrue();
        assertThat(new ClientSettingsSaved(GP, withRules(GP, MessageDelivery.IMMEDIATELY, null)).summaryScheduleChanged()).isTrue();
        assertThat(new ClientSettingsSaved(GP, withZone(GP, "Europe/Brussels")).summaryScheduleChanged()).isTrue();
    }

    @Test
    void aNewBriefingLeavesTheScheduleAlone() {
        Client.Briefing briefing = new Client.Briefing("Bonjour", "Jamais", "Personne", "Congés en août");
        Client edited = new Client(GP.id(), GP.name(), GP.language(), GP.timeZone(), GP.phoneLines(), GP.openingHours(),
                GP.appointmentTypes(), briefing, GP.contactRules(), GP.documentCategories(), GP.classificationThreshold(), GP.nameInSentence());

        assertThat(new ClientSettingsSaved(GP, edited).summaryScheduleChanged()).isFalse();
    }

    private static Client withRules(Client client, MessageDelivery delivery, LocalTime at) {
        ContactRules rules = client.contactRules();
        return new Client(client.id(), client.name(), client.language(), client.timeZone(), client.phoneLines(),
                client.openingHours(), client.appointmentTypes(), client.briefing(),
                new ContactRules(rules.email(), rules.urgentEmail(), delivery, at, rules.callBackWithinMinutes(),
                        rules.urgentConfirmWithinMinutes(), rules.notifyDocumentCategories()),
                client.documentCategories(), client.classificationThreshold(), client.nameInSentence());
    }

    private static Client withZone(Client client, String zone) {
        return new Client(client.id(), client.name(), client.language(), zone, client.phoneLines(), client.openingHours(),
                client.appointmentTypes(), client.briefing(), client.contactRules(), client.documentCategories(),
                client.classificationThreshold(), client.nameInSentence());
    }
}

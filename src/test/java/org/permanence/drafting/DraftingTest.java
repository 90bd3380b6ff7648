package org.permanence.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;
import org.permanence.TestClients;
import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.drafting.MailTemplate.Kind;
import org.permanence.system.FieldProblem;

/** Templates are filled from the case's named fields; a template that names a wrong field or does not parse is refused with its line. */
@Tag("unit")
class DraftingTest {

    private final Drafting drafting = new Drafting();
    private final Client client = TestClients.client("durand", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON);

    @Test
    void fillsTheCasesFieldsWithAccentsKept() {
        MailTemplate template = new MailTemplate("answer", "Réponse", Kind.EMAIL, "Votre appel : [(${call.reason})]",
                "Bonjour [(${caller.name})],\n\n[# th:if=\"${appointment.at != ''}\"]Rendez-vous : [(${appointment.at})][/]\n\n\n[(${client.name})]");

        Draft draft = drafting.draft(client, template, CaseFacts.of(Map.of("callerName", "Hélène Lefèvre",
                "reason", "Ordonnance à renouveler", "appointmentAt", "lundi 10:00")));

        assertThat(draft.subject()).isEqualTo("Votre appel : Ordonnance à renouveler");
        assertThat(draft.text()).isEqualTo("Bonjour Hélène Lefèvre,\n\nRendez-vous : lundi 10:00\n\n" + client.name() + "\n");
    }

    @Test
    void anUnknownGroupIsRefusedWithItsLine() {
        MailTemplate template = new MailTemplate("answer", "Réponse", Kind.EMAIL, "Sujet",
                "Bonjour,\n\nVotre patient [(${patient.name})] a appelé.");

        assertThat(drafting.problems(client, template)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("body");
            assertThat(problem.message()).startsWith("line 3, column").contains("unknown field 'patient'");
        });
    }

    @Test
    void anUnknownFieldOfAKnownGroupIsRefusedWithItsLine() {
        MailTemplate template = new MailTemplate("answer", "Réponse", Kind.EMAIL, "Appel de [(${caller.nom})]", "Texte");

        assertThat(drafting.problems(client, template)).extracting(FieldProblem::field, FieldProblem::message)
                .singleElement().satisfies(problem -> assertThat(problem.toString())
                        .contains("subject", "line 1, column", "unknown field 'caller.nom'"));
    }

    @Test
    void aTemplateThatDoesNotParseIsRefusedWithItsLine() {
        MailTemplate template = new MailTemplate("answer", "Réponse", Kind.EMAIL, "Sujet",
                "Bonjour,\n[# th:if=\"${caller.name\"]oui[/]");

        assertThat(drafting.problems(client, template)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("line 2, column").contains("Could not parse"));
    }

    @Test
    void aGoodTemplateHasNoProblem() {
        MailTemplate template = new MailTemplate("answer", "Réponse", Kind.EMAIL, "[(${reference})]",
                "[(${today})] [(${caller.email})] [(${caller.number})] [(${call.notes})] [(${appointment.type})] [(${document.name})]");

        assertThat(drafting.problems(client, template)).isEmpty();
    }

    @Test
    void theUsualFrenchAnswerSignsWithTheClientsArticleAndAnEnglishOneWithItsName() {
        Client martin = named(TestClients.client("martin", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON), "le Cabinet du Dr Martin");
        Client english = named(TestClients.client("martin", "en", MessageDelivery.IMMEDIATELY, LocalTime.NOON), "le Cabinet du Dr Martin");
        MailTemplate with = new MailTemplate("with", "Avec", Kind.EMAIL, "Sujet", "Rendez-vous avec [(${client.the})].");

        assertThat(drafting.draft(martin, DefaultTemplates.usual("fr").get("answer"), CaseFacts.sample()).text())
                .contains("\nLe secrétariat du Cabinet du Dr Martin\n");
        assertThat(drafting.draft(martin, with, CaseFacts.sample()).text()).isEqualTo("Rendez-vous avec le Cabinet du Dr Martin.\n");
        assertThat(drafting.draft(english, DefaultTemplates.usual("en").get("answer"), CaseFacts.sample()).text())
                .contains("\nThe secretariat of Cabinet du Dr Martin\n");
    }

    /** The client "Cabinet du Dr Martin", written {@code inSentence} in French sentences. */
    private static Client named(Client made, String inSentence) {
        return new Client(made.id(), "Cabinet du Dr Martin", made.language(), made.timeZone(), made.phoneLines(), made.openingHours(),
                made.appointmentTypes(), made.briefing(), made.contactRules(), made.documentCategories(), made.classificationThreshold(),
                inSentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void theUsualTemplatesDraftWithAndWithoutFacts(String language) {
        Client client = TestClients.client("usual", language, MessageDelivery.IMMEDIATELY, LocalTime.NOON);

        DefaultTemplates.usual(language).values().forEach(template -> {
            assertThat(drafting.problems(client, template)).as(template.code()).isEmpty();
            Draft full = drafting.draft(client, template, CaseFacts.sample());
            // a letter comes on the client's letterhead: its subject names the matter, not the sender again
            if (template.kind() == Kind.LETTER) {
                assertThat(full.subject()).as(template.code()).doesNotContain(client.name(), "[(", "${");
            } else {
                assertThat(full.subject()).as(template.code()).startsWith(client.name()).doesNotContain("[(", "${");
            }
            assertThat(full.text()).as(template.code()).doesNotContain("[(", "[/]", "${");
            Draft empty = drafting.draft(client, template, CaseFacts.of(Map.of()));
            assertThat(empty.text()).as(template.code()).doesNotContain("[(", "[/]", "  ");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void theUsualLetterGivesTheCasesNotesAsItsAnswerUnderASubjectWithoutTheSender(String language) {
        Client client = TestClients.client("lettre", language, MessageDelivery.IMMEDIATELY, LocalTime.NOON);
        MailTemplate letter = DefaultTemplates.usual(language).get("letter");

        Draft draft = drafting.draft(client, letter, CaseFacts.of(Map.of("callerName", "Hélène Lefèvre", "reason", "Devis toiture",
                "notes", "Le devis s'élève à 4 200 € TTC, valable trois mois.")));

        assertThat(draft.subject()).isEqualTo("fr".equals(language) ? "Votre demande : Devis toiture" : "Your request: Devis toiture");
        String answer = "fr".equals(language) ? "nous vous prions de trouver ci-dessous notre réponse.\n\n" : "please find our answer below.\n\n";
        assertThat(draft.text()).contains(answer + "Le devis s'élève à 4 200 € TTC, valable trois mois.\n");

        Draft withoutNotes = drafting.draft(client, letter, CaseFacts.of(Map.of("reason", "Devis toiture")));
        assertThat(withoutNotes.text()).as("nothing announced below when nothing is").doesNotContain("ci-dessous", "below");
        assertThat(drafting.draft(client, letter, CaseFacts.of(Map.of())).subject()).isIn("Notre courrier", "Our letter");
    }
}

package org.permanence.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.system.FieldProblem;
import org.permanence.system.ProblemTexts;

/** Templates in plain language and back: what managers read is what the template engine runs. */
@Tag("unit")
class PlaceholdersTest {

    private final Placeholders french = Placeholders.in(ProblemTexts.texts(), "fr");

    @Test
    void fieldsAndConditionsReadAsWords() {
        String stored = "Bonjour[# th:if=\"${caller.name != ''}\"] [(${caller.name})][/],\nRendez-vous du [(${appointment.at})]."
                + "[# th:unless=\"${call.reason != ''}\"] Sans motif.[/]";

        assertThat(french.toPlain(stored)).isEqualTo("Bonjour{si Nom de l'appelant} {Nom de l'appelant}{fin},\n"
                + "Rendez-vous du {Date du rendez-vous}.{si pas Motif de l'appel} Sans motif.{fin}");
        assertThat(Placeholders.in(ProblemTexts.texts(), "en").toPlain("[(${caller.name})]")).isEqualTo("{Caller's name}");
    }

    @Test
    void everyUsualTemplateComesBackAsTheSameMail() {
        for (String language : new String[] {"fr", "en"}) {
            Placeholders placeholders = Placeholders.in(ProblemTexts.texts(), language);
            for (MailTemplate usual : MailTemplates.usual(language)) {
                String plain = placeholders.toPlain(usual.body());
                assertThat(plain).as(usual.code()).doesNotContain("${");
                // th:unless="${x != ''}" comes back as th:if="${x == ''}": the same condition
                assertThat(placeholders.toStored(plain)).as(usual.code())
                        .isEqualTo(usual.body().replaceAll("th:unless=\"\\$\\{([a-z.]+) != ''}\"", "th:if=\"\\${$1 == ''}\""));
            }
        }
    }

    @Test
    void wordsOfEitherLanguageAnyCaseAreRead() {
        assertThat(french.toStored("{nom de l'appelant} / {Caller's name} / {si  Motif de l'appel}x{FIN}"))
                .isEqualTo("[(${caller.name})] / [(${caller.name})] / [# th:if=\"${call.reason != ''}\"]x[/]");
    }

    @Test
    void aPlaceholderThatNamesNoFieldIsReportedWhereItIs() {
        // the template engine's own expressions are not placeholders: what they name is the trial render's to check
        String plain = "Bonjour,\nVotre dossier {Numéro de dossier} est prêt. {Nom de l'appelant} [(${dossier})]";

        assertThat(french.problems("body", plain)).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("body", "template.unknownPlaceholder"));
        assertThat(french.problems("body", plain).get(0).arguments()).startsWith(2, 15, "Numéro de dossier");
        assertThat(french.toStored(plain)).contains("{Numéro de dossier}", "[(${caller.name})]");
    }
}

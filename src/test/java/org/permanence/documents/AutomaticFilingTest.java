package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.documents.AutomaticFiling.Verdict;

/**
 * Never filed wrong in silence: a model that knows one category is sure of everything, a document
 * unlike anything learnt is not filed on its softmax, and calibrated confidences are not all 1.0.
 */
@Tag("unit")
class AutomaticFilingTest {

    private static final String CV = "Curriculum vitae — Julie Martin. Expérience professionnelle : assistante de direction 2019-2025. "
            + "Formation : BTS assistant manager. Compétences : anglais courant, permis B. Centres d'intérêt : randonnée.";

    private static List<TrainingExample> invoices(int n) {
        List<TrainingExample> examples = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            examples.add(new TrainingExample("FACTURE n° 2026-0" + i + " Plomberie Leroy. Remplacement robinet, main d'oeuvre. Total HT "
                    + (100 + i) + ",00 TVA 20 % Total TTC net à payer. Échéance 30 jours.", "facture", 3));
        }
        return examples;
    }

    private static List<TrainingExample> quotes(int n) {
        List<TrainingExample> examples = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            examples.add(new TrainingExample("DEVIS n° D-" + i + " Plomberie Leroy. Travaux proposés : pose chauffe-eau. Devis valable 30 jours, "
                    + "bon pour accord, date et signature du client. Montant estimatif " + (900 + i) + " €.", "devis", 3));
        }
        return examples;
    }

    @Test
    void aModelThatKnowsOneCategoryFilesNothingAloneThoughItIsSureOfEverything() {
        CategoryModel model = CategoryTraining.train(invoices(2), "client-v1");

        Suggestion cv = model.suggest(CV);
        assertThat(cv.category()).isEqualTo("facture");
        assertThat(cv.confidence()).as("one category: the softmax has nothing to weigh").isEqualTo(1.0);
        assertThat(AutomaticFiling.judge(cv, List.of("facture", "devis"), 0.6)).isEqualTo(Verdict.TOO_FEW_EXAMPLES);
        assertThat(AutomaticFiling.judge(model.suggest("FACTURE n° 2026-09 Total TTC net à payer"), List.of("facture", "devis"), 0.6))
                .isEqualTo(Verdict.TOO_FEW_EXAMPLES);
    }

    @Test
    void twoCategoriesLearntFromThreeDocumentsEachFileTheirLikenessAndAskAboutTheRest() {
        List<TrainingExample> answers = new ArrayList<>(invoices(3));
        answers.addAll(quotes(3));
        CategoryModel model = CategoryTraining.train(answers, "client-v2");
        List<String> own = List.of("facture", "devis");

        Suggestion invoice = model.suggest("FACTURE n° 2026-044 Plomberie Leroy. Remplacement joint, main d'oeuvre. Total HT 80,00 TVA 20 % "
                + "Total TTC net à payer. Échéance 30 jours.");
        assertThat(invoice.category()).isEqualTo("facture");
        assertThat(invoice.familiar()).isTrue();
        assertThat(AutomaticFiling.judge(invoice, own, 0.6)).isEqualTo(Verdict.FILE);

        Suggestion cv = model.suggest(CV);
        assertThat(cv.familiar()).as("a CV is like neither the invoices nor the quotes").isFalse();
        assertThat(AutomaticFiling.judge(cv, own, 0.0)).isEqualTo(Verdict.UNFAMILIAR);

        assertThat(AutomaticFiling.judge(invoice, List.of("devis"), 0.6)).isEqualTo(Verdict.NOT_CLIENTS_CATEGORY);
        assertThat(AutomaticFiling.judge(invoice, own, 1.01)).isEqualTo(Verdict.UNSURE);
        assertThat(AutomaticFiling.judge(Suggestion.none("none"), own, 0.6)).isEqualTo(Verdict.NO_SUGGESTION);
    }

    @Test
    void theTemperatureIsFittedOnHeldOutFoldsWhenThereAreEnoughDocuments() {
        List<TrainingExample> few = new ArrayList<>(invoices(2));
        few.addAll(quotes(2));
        assertThat(CategoryTraining.calibrate(few)).as("four documents: too few to fit").isEqualTo(CategoryTraining.UNCALIBRATED);

        List<TrainingExample> enough = new ArrayList<>(invoices(8));
        enough.addAll(quotes(8));
        double fitted = CategoryTraining.calibrate(enough);
        assertThat(fitted).isNotEqualTo(CategoryTraining.UNCALIBRATED).isBetween(0.25, 256.0);
        assertThat(CategoryTraining.train(enough, "v").temperature()).isEqualTo(fitted);
    }
}

package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Training and suggesting with texts the test writes; the stored bytes give the same model back. */
@Tag("unit")
class CategoryModelTest {

    private static final List<TrainingExample> EXAMPLES = List.of(
            new TrainingExample("FACTURE n° 2026-001 Total TTC 120,00 € TVA 20 % net à payer", "facture"),
            new TrainingExample("Facture numéro F-88 montant HT 300 TVA total TTC 360 échéance", "facture"),
            new TrainingExample("Devis n° D-12 valable 30 jours, bon pour accord, signature du client", "devis"),
            new TrainingExample("Devis estimatif des travaux : main d'oeuvre, fournitures, validité de l'offre", "devis"),
            new TrainingExample("Compte rendu de consultation : le patient présente une toux, examen clinique normal", "resultat-analyse"),
            new TrainingExample("Résultats d'analyse sanguine : hémoglobine, glycémie, cholestérol dans les normes", "resultat-analyse"));

    @Test
    void aNewDocumentGetsTheCategoryOfTheDocumentsItResembles() {
        CategoryModel model = CategoryTraining.train(EXAMPLES, "test-v1");

        Suggestion suggestion = model.suggest("FACTURE n° 2026-017 — total TTC 98,40 €, TVA 20 %");
        assertThat(suggestion.category()).isEqualTo("facture");
        assertThat(suggestion.modelVersion()).isEqualTo("test-v1");
        assertThat(suggestion.alternatives()).extracting(Suggestion.Alternative::category).containsExactlyInAnyOrder("devis", "resultat-analyse");
        assertThat(suggestion.confidence()).isGreaterThan(suggestion.alternatives().get(0).confidence());
        assertThat(model.suggest("Devis pour travaux de plomberie, validité 30 jours").category()).isEqualTo("devis");
    }

    @Test
    void ocrSlipsInAWordStillMatchThroughItsLetterPieces() {
        CategoryModel model = CategoryTraining.train(EXAMPLES, "test-v1");

        assertThat(model.suggest("FACTNRE n° 2026-9 Tota1 TTC 45,00").category()).isEqualTo("facture");
    }

    @Test
    void aPhotoOfAnIdentityCardOfWhichOcrReadOnlyTheMachineReadableLinesIsAnIdentityPaper() {
        CategoryModel model = CategoryTraining.train(List.of(
                new TrainingExample("FACTURE n° 2026-001 Total TTC 120,00 € TVA 20 % net à payer", "invoice"),
                new TrainingExample("Ticket de caisse merci de votre visite total payé CB 12,40", "receipt"),
                new TrainingExample("Passeport République française nom prénoms date de naissance", "id_document")), "test-v1");

        // what Tesseract read of a blurred photo of an Italian identity card
        assertThat(model.suggest("8703282F 2808314ITA<<<<<<G6<K<0 <<\nROSSI << ELENA <<<<<<<<<<").category()).isEqualTo("id_document");
    }

    @Test
    void theStoredBytesGiveTheSameSuggestionsAndTrainingIsDeterministic() {
        CategoryModel model = CategoryTraining.train(EXAMPLES, "test-v1");
        CategoryModel again = CategoryModel.fromBytes(model.toBytes());
        String text = "Résultats d'analyse : glycémie normale";

        assertThat(again.version()).isEqualTo("test-v1");
        assertThat(CategoryModel.versionOf(model.toBytes())).as("read from the first bytes alone").isEqualTo("test-v1");
        assertThat(again.categories()).isEqualTo(model.categories());
        assertThat(again.suggest(text)).isEqualTo(model.suggest(text));
        assertThat(CategoryTraining.train(EXAMPLES, "test-v1").suggest(text)).isEqualTo(model.suggest(text));
    }

    @Test
    void aClientsAnswersWeighMoreThanTheSharedExamples() {
        List<TrainingExample> shared = List.of(new TrainingExample("Attestation d'assurance responsabilité civile", "contract"),
                new TrainingExample("Facture total TTC", "invoice"));
        List<TrainingExample> withAnswer = new java.util.ArrayList<>(shared);
        withAnswer.add(new TrainingExample("Attestation d'assurance décennale 2026", "attestation", 3));

        assertThat(CategoryTraining.train(withAnswer, "v").suggest("Attestation d'assurance décennale 2027").category())
                .isEqualTo("attestation");
    }
}

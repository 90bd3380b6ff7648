package org.permanence.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FrenchArticlesTest {

    @Test
    void deAndLeContract() {
        assertThat(FrenchArticles.of("le Cabinet du Dr Martin")).isEqualTo("du Cabinet du Dr Martin");
        assertThat(FrenchArticles.of("les Ateliers Roux")).isEqualTo("des Ateliers Roux");
        assertThat(FrenchArticles.of("la Plomberie Leroy")).isEqualTo("de la Plomberie Leroy");
        assertThat(FrenchArticles.of("l'Étude Morel")).isEqualTo("de l'Étude Morel");
    }

    @Test
    void aBareNameTakesDeOrElidesBeforeAVowel() {
        assertThat(FrenchArticles.of("Marie Dupont")).isEqualTo("de Marie Dupont");
        assertThat(FrenchArticles.of("Alain Morel")).isEqualTo("d'Alain Morel");
        assertThat(FrenchArticles.of("Élise Bonnet")).isEqualTo("d'Élise Bonnet");
    }

    @Test
    void aAndLeContract() {
        assertThat(FrenchArticles.to("le Cabinet du Dr Martin")).isEqualTo("au Cabinet du Dr Martin");
        assertThat(FrenchArticles.to("les Ateliers Roux")).isEqualTo("aux Ateliers Roux");
        assertThat(FrenchArticles.to("la Plomberie Leroy")).isEqualTo("à la Plomberie Leroy");
        assertThat(FrenchArticles.to("Alain Morel")).isEqualTo("à Alain Morel");
    }

    @Test
    void aSentenceOpensWithACapital() {
        assertThat(FrenchArticles.capitalized("le Cabinet du Dr Martin")).isEqualTo("Le Cabinet du Dr Martin");
        assertThat(FrenchArticles.capitalized("Le secrétariat " + FrenchArticles.of("le Cabinet du Dr Martin")))
                .isEqualTo("Le secrétariat du Cabinet du Dr Martin");
    }
}

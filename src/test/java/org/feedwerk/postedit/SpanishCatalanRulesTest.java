package org.feedwerk.postedit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each Spanish and Catalan rule on the wrong forms it fixes, next to correct forms it must leave alone. */
class SpanishCatalanRulesTest {
    static Stream<Arguments> cases() {
        PostEditRule spanishQuotes = QuotesRule.angular("spanish-quotes");
        PostEditRule inverted = SpanishCatalanRules.invertedMarks();
        PostEditRule geminated = SpanishCatalanRules.geminatedL();
        return Stream.of(
                Arguments.of(
                        "quotes: straight pair",
                        spanishQuotes,
                        "Dijo que era \"histórico\".",
                        "Dijo que era «histórico»."),
                Arguments.of(
                        "quotes: English curly pair",
                        spanishQuotes,
                        "la llamada “crisis del puerto”",
                        "la llamada «crisis del puerto»"),
                Arguments.of(
                        "quotes: already angular", spanishQuotes, "Dijo: «Es un buen día».", "Dijo: «Es un buen día»."),
                Arguments.of(
                        "quotes: apostrophe in Catalan left alone",
                        QuotesRule.angular("catalan-quotes"),
                        "L'autoritat d'Ebre va dir que l'obra acaba",
                        "L'autoritat d'Ebre va dir que l'obra acaba"),
                Arguments.of(
                        "quotes: unpaired left alone",
                        spanishQuotes,
                        "Dijo: \"Es un buen día.",
                        "Dijo: \"Es un buen día."),
                Arguments.of("inverted: question", inverted, "Es verdad? Sí.", "¿Es verdad? Sí."),
                Arguments.of("inverted: exclamation in quotes", inverted, "Gritó: «Qué día!»", "Gritó: «¡Qué día!»"),
                Arguments.of("inverted: already there", inverted, "¿Es verdad? ¡Claro!", "¿Es verdad? ¡Claro!"),
                Arguments.of(
                        "inverted: question inside a sentence",
                        inverted,
                        "Si vienes, ¿me avisas?",
                        "Si vienes, ¿me avisas?"),
                Arguments.of(
                        "inverted: after a comma the rule cannot tell",
                        inverted,
                        "Pero, es verdad?",
                        "Pero, es verdad?"),
                Arguments.of(
                        "inverted: statement left alone",
                        inverted,
                        "El puerto abrió el lunes.",
                        "El puerto abrió el lunes."),
                Arguments.of(
                        "geminated l", geminated, "La col.lecció és intel.ligent.", "La col·lecció és intel·ligent."),
                Arguments.of("geminated l: already right", geminated, "La col·lecció", "La col·lecció"),
                Arguments.of(
                        "geminated l: web address left alone",
                        geminated,
                        "Vegeu www.el.lloc.cat avui",
                        "Vegeu www.el.lloc.cat avui"),
                Arguments.of(
                        "geminated l: sentence end left alone",
                        geminated,
                        "Va dir que sí. Llavors va marxar.",
                        "Va dir que sí. Llavors va marxar."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixesTheWrongFormAndLeavesTheRightOne(String name, PostEditRule rule, String input, String expected) {
        assertThat(rule.apply(List.of(input), "")).containsExactly(expected);
    }

    @Test
    void aSpanishTextGetsNoGermanRule() {
        PostEditor.Edited edited = new PostEditor("es").editPlain("El coste es de 1.200 euros, dijo \"Ana\".", "");
        assertThat(edited.text()).isEqualTo("El coste es de 1.200 euros, dijo «Ana».");
        assertThat(edited.rules()).containsExactly("spanish-quotes");
    }
}

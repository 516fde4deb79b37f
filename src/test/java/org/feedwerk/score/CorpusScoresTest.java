package org.feedwerk.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scorer follows sacreBLEU's definitions; bench/PostEditEvaluation reproduces the published sacreBLEU figures
 * of WMT22 systems (Online-B BLEU 38.4 / chrF 64.6) with it. These tests pin the definitions on small cases.
 */
class CorpusScoresTest {
    @Test
    void identicalSentencesScore100() {
        List<String> sentences = List.of("Die Hafenbehörde genehmigt das Terminal.", "Es öffnet 2028, sagte sie.");

        assertThat(CorpusScores.bleu(sentences, sentences)).isCloseTo(100.0, within(1e-9));
        assertThat(CorpusScores.chrf(sentences, sentences)).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void nothingInCommonScoresZero() {
        assertThat(CorpusScores.bleu(List.of("eins zwei drei vier"), List.of("fünf sechs sieben acht")))
                .isZero();
        // sacreBLEU adds a 1e-16 epsilon for orders without n-grams, so "zero" is zero to 1e-9
        assertThat(CorpusScores.chrf(List.of("xyz"), List.of("abc"))).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void bleuUsesBrevityPenaltyAndExpSmoothing() {
        // hypothesis "a b c d", reference "a b c d e f": all n-grams match, brevity penalty exp(1 - 6/4)
        double expected = 100 * Math.exp(1 - 6.0 / 4);

        assertThat(CorpusScores.bleu(List.of("a b c d"), List.of("a b c d e f")))
                .isCloseTo(expected, within(1e-9));
        // no 4-gram match: exp smoothing gives the 4-gram precision 100 / (2 * 1)
        assertThat(CorpusScores.bleu(List.of("a b c x"), List.of("a b c y")))
                .isCloseTo(
                        Math.exp((Math.log(75) + Math.log(100.0 * 2 / 3) + Math.log(50) + Math.log(100.0 / 2)) / 4),
                        within(1e-9));
    }

    @Test
    void chrfIgnoresWhitespaceAndWeighsRecallTwice() {
        // hypothesis "ab" against reference "abcd": precision 1 at orders 1-2, recall 2/4 and 1/3
        double precision = 1.0;
        double recall = (2.0 / 4 + 1.0 / 3) / 2;
        double expected = 100 * 5 * precision * recall / (4 * precision + recall);

        assertThat(CorpusScores.chrf(List.of("a b"), List.of("abcd"))).isCloseTo(expected, within(1e-9));
    }

    @Test
    void tokenizes13aLikeMteval() {
        assertThat(Tokenizer13a.tokenize("Er sagte: \"1,200.5 Euro\" (ca. 3-4 Tage)."))
                .containsExactly(
                        "Er", "sagte", ":", "\"", "1,200.5", "Euro", "\"", "(", "ca", ".", "3", "-", "4", "Tage", ")",
                        ".");
    }
}

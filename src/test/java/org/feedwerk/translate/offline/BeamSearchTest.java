package org.feedwerk.translate.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Greedy and beam search against a decoder whose next-token probabilities are a table over the tokens generated
 * so far, so every score can be worked out by hand. Tokens: 0 = {@code </s>}, 1 = {@code <pad>} (also the start),
 * 2..5 = a, b, c, d.
 */
class BeamSearchTest {
    private static final int EOS = 0;
    private static final int PAD = 1;
    private static final int A = 2;
    private static final int B = 3;
    private static final int C = 4;
    private static final int D = 5;

    /** Probabilities of the next token after a history (without the start token), per sentence. */
    private static final Map<String, double[]> FIRST_SENTENCE = Map.of(
            "", probabilities(Map.of(A, 0.5, B, 0.4, C, 0.05, D, 0.04, EOS, 0.01)),
            "a", probabilities(Map.of(EOS, 0.5, C, 0.3, D, 0.2)),
            "a c", probabilities(Map.of(EOS, 0.9, D, 0.1)),
            "b", probabilities(Map.of(C, 0.7, EOS, 0.2, D, 0.1)),
            "b c", probabilities(Map.of(D, 0.7, EOS, 0.3)),
            "b c d", probabilities(Map.of(EOS, 0.99, A, 0.01)));

    private static final Map<String, double[]> SECOND_SENTENCE = Map.of(
            "", probabilities(Map.of(D, 0.9, EOS, 0.1)),
            "d", probabilities(Map.of(EOS, 0.95, A, 0.05)));

    private static MarianConfig config(double lengthPenalty) {
        return new MarianConfig(PAD, EOS, PAD, 2, 10, lengthPenalty, Set.of(PAD), 512);
    }

    @Test
    void greedyTakesTheLocallyBestToken() {
        FakeDecoder decoder = new FakeDecoder(1, 1);
        assertThat(GreedySearch.generate(decoder, config(1.0), 10).get(0)).containsExactly(A);
    }

    @Test
    void beamSearchWithLengthPenaltyOneFindsTheLongerBetterTranslation() {
        // a </s>: log .5 + log .5 = -1.386, / 2 = -0.693;  b c d </s>: -1.641, / 4 = -0.410
        FakeDecoder decoder = new FakeDecoder(1, 2);
        assertThat(BeamSearch.generate(decoder, config(1.0), 2, 10).get(0)).containsExactly(B, C, D);
    }

    @Test
    void beamSearchWithoutLengthPenaltyPrefersTheHigherSum() {
        FakeDecoder decoder = new FakeDecoder(1, 2);
        assertThat(BeamSearch.generate(decoder, config(0.0), 2, 10).get(0)).containsExactly(A);
    }

    @Test
    void sentencesInOneBatchKeepTheirOwnBeamsAndOneFinishingEarlyDoesNotDisturbTheOther() {
        FakeDecoder decoder = new FakeDecoder(2, 3);
        List<long[]> best = BeamSearch.generate(decoder, config(1.0), 3, 10);
        assertThat(best.get(0)).containsExactly(B, C, D);
        assertThat(best.get(1)).containsExactly(D);
        assertThat(decoder.steps)
                .as("stops when both are done, not at the length limit")
                .isLessThan(9);
    }

    @Test
    void theLengthLimitEndsEveryBeamWithEos() {
        FakeDecoder decoder = new FakeDecoder(1, 2);
        assertThat(BeamSearch.generate(decoder, config(1.0), 2, 3).get(0)).hasSizeLessThanOrEqualTo(1);
        assertThat(decoder.steps).isEqualTo(2);
    }

    private static double[] probabilities(Map<Integer, Double> given) {
        double[] all = new double[6];
        Arrays.fill(all, 1e-6);
        given.forEach((token, probability) -> all[token] = probability);
        return all;
    }

    /** Keeps each row's history, follows the reordering beam search asks for, and checks it stays in its sentence. */
    private static final class FakeDecoder implements DecoderSteps {
        private final int beams;
        private List<Row> rows = new ArrayList<>();
        int steps;

        private record Row(int sentence, List<Long> history) {}

        FakeDecoder(int sentences, int beams) {
            this.beams = beams;
            for (int row = 0; row < sentences * beams; row++) {
                rows.add(new Row(row / beams, new ArrayList<>()));
            }
        }

        @Override
        public int rows() {
            return rows.size();
        }

        @Override
        public float[][] step(long[] tokens, int[] order) {
            steps++;
            List<Row> next = new ArrayList<>();
            for (int row = 0; row < rows.size(); row++) {
                Row from = rows.get(order == null ? row : order[row]);
                assertThat(from.sentence())
                        .as("a beam never moves to another sentence")
                        .isEqualTo(row / beams);
                List<Long> history = new ArrayList<>(from.history());
                if (tokens[row] != PAD) {
                    history.add(tokens[row]);
                }
                next.add(new Row(from.sentence(), history));
            }
            rows = next;
            float[][] logits = new float[rows.size()][];
            for (int row = 0; row < rows.size(); row++) {
                Row current = rows.get(row);
                String key = String.join(
                        " ",
                        current.history().stream()
                                .map(token -> "" + (char) ('a' + token - A))
                                .toList());
                double[] probabilities = (current.sentence() == 0 ? FIRST_SENTENCE : SECOND_SENTENCE)
                        .getOrDefault(key, probabilities(Map.of(EOS, 0.99)));
                logits[row] = new float[probabilities.length];
                for (int token = 0; token < probabilities.length; token++) {
                    logits[row][token] = (float) Math.log(probabilities[token]);
                }
            }
            return logits;
        }
    }
}

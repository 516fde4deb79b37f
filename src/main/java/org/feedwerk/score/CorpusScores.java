package org.feedwerk.score;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus BLEU and chrF with sacreBLEU's definitions and defaults: BLEU over 13a tokens, 4-grams, brevity penalty,
 * "exp" smoothing; chrF with character 6-grams (white space removed), β = 2, precision and recall averaged over
 * the orders before the F-score. Statistics are summed over the corpus, as sacreBLEU does.
 */
public final class CorpusScores {
    private static final int BLEU_ORDER = 4;
    private static final int CHRF_ORDER = 6;
    private static final double BETA = 2.0;

    private CorpusScores() {}

    public static double bleu(List<String> hypotheses, List<String> references) {
        requireAligned(hypotheses, references);
        long[] matches = new long[BLEU_ORDER];
        long[] totals = new long[BLEU_ORDER];
        long hypothesisLength = 0;
        long referenceLength = 0;
        for (int index = 0; index < hypotheses.size(); index++) {
            List<String> hypothesis = Tokenizer13a.tokenize(hypotheses.get(index));
            List<String> reference = Tokenizer13a.tokenize(references.get(index));
            hypothesisLength += hypothesis.size();
            referenceLength += reference.size();
            for (int n = 1; n <= BLEU_ORDER; n++) {
                Map<String, Integer> hypothesisGrams = ngrams(hypothesis, n);
                Map<String, Integer> referenceGrams = ngrams(reference, n);
                matches[n - 1] += clippedMatches(hypothesisGrams, referenceGrams);
                totals[n - 1] += Math.max(0, hypothesis.size() - n + 1);
            }
        }
        if (Arrays.stream(matches).allMatch(count -> count == 0)) {
            return 0; // sacreBLEU stops early when nothing matches at all
        }
        double logSum = 0;
        double smoothing = 1;
        for (int n = 0; n < BLEU_ORDER; n++) {
            if (totals[n] == 0) {
                return 0;
            }
            double precision;
            if (matches[n] == 0) {
                smoothing *= 2;
                precision = 100.0 / (smoothing * totals[n]);
            } else {
                precision = 100.0 * matches[n] / totals[n];
            }
            logSum += Math.log(precision);
        }
        double brevity = hypothesisLength >= referenceLength
                ? 1.0
                : hypothesisLength == 0 ? 0.0 : Math.exp(1.0 - (double) referenceLength / hypothesisLength);
        return brevity * Math.exp(logSum / BLEU_ORDER);
    }

    public static double chrf(List<String> hypotheses, List<String> references) {
        requireAligned(hypotheses, references);
        long[] hypothesisCounts = new long[CHRF_ORDER];
        long[] referenceCounts = new long[CHRF_ORDER];
        long[] matchCounts = new long[CHRF_ORDER];
        for (int index = 0; index < hypotheses.size(); index++) {
            String hypothesis = Tokenizer13a.PYTHON_WHITESPACE
                    .matcher(hypotheses.get(index))
                    .replaceAll("");
            String reference = Tokenizer13a.PYTHON_WHITESPACE
                    .matcher(references.get(index))
                    .replaceAll("");
            for (int n = 1; n <= CHRF_ORDER; n++) {
                Map<String, Integer> hypothesisGrams = charNgrams(hypothesis, n);
                Map<String, Integer> referenceGrams = charNgrams(reference, n);
                hypothesisCounts[n - 1] += hypothesisGrams.values().stream()
                        .mapToInt(Integer::intValue)
                        .sum();
                referenceCounts[n - 1] += referenceGrams.values().stream()
                        .mapToInt(Integer::intValue)
                        .sum();
                matchCounts[n - 1] += clippedMatches(hypothesisGrams, referenceGrams);
            }
        }
        return fScore(hypothesisCounts, referenceCounts, matchCounts);
    }

    private static double fScore(long[] hypothesisCounts, long[] referenceCounts, long[] matchCounts) {
        double epsilon = 1e-16;
        double precisionSum = 0;
        double recallSum = 0;
        int effectiveOrder = 0;
        for (int n = 0; n < CHRF_ORDER; n++) {
            if (hypothesisCounts[n] > 0 && referenceCounts[n] > 0) {
                precisionSum += (double) matchCounts[n] / hypothesisCounts[n];
                recallSum += (double) matchCounts[n] / referenceCounts[n];
                effectiveOrder++;
            } else {
                precisionSum += hypothesisCounts[n] > 0 ? (double) matchCounts[n] / hypothesisCounts[n] : epsilon;
                recallSum += referenceCounts[n] > 0 ? (double) matchCounts[n] / referenceCounts[n] : epsilon;
            }
        }
        if (effectiveOrder == 0) {
            return 0;
        }
        double precision = precisionSum / effectiveOrder;
        double recall = recallSum / effectiveOrder;
        if (precision + recall == 0) {
            return 0;
        }
        double factor = BETA * BETA;
        return 100 * (1 + factor) * precision * recall / (factor * precision + recall);
    }

    private static Map<String, Integer> ngrams(List<String> tokens, int n) {
        Map<String, Integer> grams = new HashMap<>();
        for (int start = 0; start + n <= tokens.size(); start++) {
            grams.merge(String.join(" ", tokens.subList(start, start + n)), 1, Integer::sum);
        }
        return grams;
    }

    private static Map<String, Integer> charNgrams(String text, int n) {
        Map<String, Integer> grams = new HashMap<>();
        int[] codePoints = text.codePoints().toArray();
        for (int start = 0; start + n <= codePoints.length; start++) {
            grams.merge(new String(codePoints, start, n), 1, Integer::sum);
        }
        return grams;
    }

    private static long clippedMatches(Map<String, Integer> hypothesis, Map<String, Integer> reference) {
        long matches = 0;
        for (Map.Entry<String, Integer> gram : hypothesis.entrySet()) {
            matches += Math.min(gram.getValue(), reference.getOrDefault(gram.getKey(), 0));
        }
        return matches;
    }

    private static void requireAligned(List<String> hypotheses, List<String> references) {
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException(
                    hypotheses.size() + " hypotheses but " + references.size() + " references");
        }
    }
}

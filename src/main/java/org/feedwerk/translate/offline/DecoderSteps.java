package org.feedwerk.translate.offline;

import java.util.Arrays;

/** One decoder step at a time over a fixed number of rows; what greedy and beam search drive. */
interface DecoderSteps {
    int rows();

    /**
     * Feeds one token per row and returns the next-token logits per row.
     *
     * @param order for each row, the row of the previous step whose state it continues; null keeps every row
     */
    float[][] step(long[] tokens, int[] order);

    /** A row's best next tokens with their log-probabilities, best first, and the log-probability of ending. */
    record RowChoices(int[] tokens, float[] logProbabilities, float endLogProbability) {}

    /**
     * Feeds one token per row (as {@link #step}) and returns each row's {@code keep} most probable next tokens
     * (never a banned one; equal probabilities: the lower id first). This computes them from the logits; a
     * runtime can do it where the logits are.
     */
    default RowChoices[] stepChoices(long[] tokens, int[] order, int keep, MarianConfig config) {
        float[][] logits = step(tokens, order);
        boolean[] banned = config.bannedMask(logits[0].length);
        RowChoices[] choices = new RowChoices[logits.length];
        for (int row = 0; row < logits.length; row++) {
            float[] values = logits[row];
            double max = Double.NEGATIVE_INFINITY;
            for (int token = 0; token < values.length; token++) {
                if (!banned[token]) {
                    max = Math.max(max, values[token]);
                }
            }
            double sum = 0;
            for (int token = 0; token < values.length; token++) {
                if (!banned[token]) {
                    sum += Math.exp(values[token] - max);
                }
            }
            double logSum = max + Math.log(sum);
            Integer[] ids = new Integer[values.length];
            Arrays.setAll(ids, token -> token);
            int[] top = Arrays.stream(ids)
                    .filter(token -> !banned[token])
                    .sorted((a, b) ->
                            values[a] != values[b] ? Float.compare(values[b], values[a]) : Integer.compare(a, b))
                    .limit(keep)
                    .mapToInt(Integer::intValue)
                    .toArray();
            float[] logProbabilities = new float[top.length];
            for (int index = 0; index < top.length; index++) {
                logProbabilities[index] = (float) (values[top[index]] - logSum);
            }
            choices[row] = new RowChoices(top, logProbabilities, (float) (values[config.eosTokenId()] - logSum));
        }
        return choices;
    }

    /**
     * Feeds one token per row (keeping every row) and returns each row's most likely next token that is not
     * banned; of equal logits the lower id. This computes it from the logits; a runtime can do it where they are.
     */
    default int[] stepBest(long[] tokens, MarianConfig config) {
        float[][] logits = step(tokens, null);
        boolean[] banned = config.bannedMask(logits[0].length);
        int[] best = new int[logits.length];
        for (int row = 0; row < logits.length; row++) {
            int chosen = -1;
            for (int token = 0; token < logits[row].length; token++) {
                if (!banned[token] && (chosen < 0 || logits[row][token] > logits[row][chosen])) {
                    chosen = token;
                }
            }
            best[row] = chosen;
        }
        return best;
    }
}

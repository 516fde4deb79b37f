package org.feedwerk.translate.offline;

import java.util.ArrayList;
import java.util.List;

/** The most likely next token at every step, until {@code </s>} or the length limit. */
final class GreedySearch {
    private GreedySearch() {}

    /** The generated ids per row, without the start token and {@code </s>}. */
    static List<long[]> generate(DecoderSteps run, MarianConfig config, int maxLength) {
        int rows = run.rows();
        List<List<Long>> generated = new ArrayList<>();
        boolean[] finished = new boolean[rows];
        long[] last = new long[rows];
        for (int row = 0; row < rows; row++) {
            generated.add(new ArrayList<>());
            last[row] = config.decoderStartTokenId();
        }
        // maxLength counts the start token, as in Hugging Face generation.
        for (int length = 1; length < maxLength; length++) {
            int[] best = run.stepBest(last, config);
            boolean all = true;
            for (int row = 0; row < rows; row++) {
                if (finished[row]) {
                    last[row] = config.padTokenId();
                    continue;
                }
                int next = length == maxLength - 1 ? config.eosTokenId() : best[row];
                last[row] = next;
                if (next == config.eosTokenId()) {
                    finished[row] = true;
                } else {
                    generated.get(row).add((long) next);
                    all = false;
                }
            }
            if (all) {
                break;
            }
        }
        return generated.stream()
                .map(ids -> ids.stream().mapToLong(Long::longValue).toArray())
                .toList();
    }
}

package org.feedwerk.translate.offline;

/** One decoder step at a time over a fixed number of rows; what greedy and beam search drive. */
interface DecoderSteps {
    int rows();

    /**
     * Feeds one token per row and returns the next-token logits per row.
     *
     * @param order for each row, the row of the previous step whose state it continues; null keeps every row
     */
    float[][] step(long[] tokens, int[] order);
}

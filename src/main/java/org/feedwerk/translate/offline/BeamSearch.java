package org.feedwerk.translate.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Beam search as Hugging Face transformers does it for Marian: per sentence the {@code beams} best partial
 * translations by summed log-probability; a candidate ending in {@code </s>} among the best {@code beams} becomes a
 * finished hypothesis scored {@code sum / length^lengthPenalty} (length counting the start token); a sentence is
 * done when it has {@code beams} hypotheses and no running beam can beat the worst of them.
 */
final class BeamSearch {
    private BeamSearch() {}

    /** The best translation's ids per sentence, without the start token and {@code </s>}. */
    static List<long[]> generate(DecoderSteps run, MarianConfig config, int beams, int maxLength) {
        int sentences = run.rows() / beams;
        int rows = run.rows();
        double[] scores = new double[rows];
        long[][] tokens = new long[rows][0];
        long[] last = new long[rows];
        for (int row = 0; row < rows; row++) {
            // Only the first beam of each sentence is live at the start; the others are identical copies.
            scores[row] = row % beams == 0 ? 0 : Double.NEGATIVE_INFINITY;
            last[row] = config.decoderStartTokenId();
        }
        List<Hypotheses> finished = new ArrayList<>();
        for (int sentence = 0; sentence < sentences; sentence++) {
            finished.add(new Hypotheses(beams, config.lengthPenalty()));
        }
        boolean[] done = new boolean[sentences];
        int[] order = null;
        boolean[] banned = null;
        for (int length = 1; length < maxLength; length++) {
            float[][] logits = run.step(last, order);
            if (banned == null) {
                banned = config.bannedMask(logits[0].length);
            }
            RowChoices[] choices = rowChoices(logits, scores, banned, 2 * beams);
            order = new int[rows];
            double[] nextScores = new double[rows];
            long[][] nextTokens = new long[rows][];
            boolean allDone = true;
            for (int sentence = 0; sentence < sentences; sentence++) {
                int first = sentence * beams;
                if (done[sentence]) {
                    for (int beam = 0; beam < beams; beam++) {
                        order[first + beam] = first + beam;
                        nextScores[first + beam] = scores[first + beam];
                        nextTokens[first + beam] = tokens[first + beam];
                        last[first + beam] = config.padTokenId();
                    }
                    continue;
                }
                List<Candidate> candidates = candidates(logits, choices, scores, first, beams, config,
                        length == maxLength - 1);
                int filled = 0;
                for (int rank = 0; rank < candidates.size() && filled < beams; rank++) {
                    Candidate candidate = candidates.get(rank);
                    if (candidate.token() == config.eosTokenId()) {
                        if (rank < beams) {
                            finished.get(sentence).add(tokens[candidate.row()], candidate.score());
                        }
                        continue;
                    }
                    int row = first + filled++;
                    order[row] = candidate.row();
                    nextScores[row] = candidate.score();
                    nextTokens[row] = append(tokens[candidate.row()], candidate.token());
                    last[row] = candidate.token();
                }
                for (; filled < beams; filled++) {
                    // Every candidate ended: keep the row alive but out of the running.
                    int row = first + filled;
                    order[row] = row;
                    nextScores[row] = Double.NEGATIVE_INFINITY;
                    nextTokens[row] = tokens[row];
                    last[row] = config.padTokenId();
                }
                double bestRunning = nextScores[first];
                done[sentence] = bestRunning == Double.NEGATIVE_INFINITY
                        || finished.get(sentence).isDone(bestRunning, length + 1);
                allDone &= done[sentence];
            }
            scores = nextScores;
            tokens = nextTokens;
            if (allDone) {
                break;
            }
        }
        List<long[]> best = new ArrayList<>();
        for (int sentence = 0; sentence < sentences; sentence++) {
            Hypotheses hypotheses = finished.get(sentence);
            if (!done[sentence]) {
                for (int beam = 0; beam < beams; beam++) {
                    int row = sentence * beams + beam;
                    if (scores[row] > Double.NEGATIVE_INFINITY) {
                        hypotheses.add(tokens[row], scores[row]);
                    }
                }
            }
            best.add(hypotheses.best());
        }
        return best;
    }

    /**
     * For every live row, the normalizer of its log-softmax and its {@code keep} best tokens. The rows are
     * independent and this is the costly part of a step outside ONNX Runtime (an exponential per vocabulary entry),
     * so they are scored on all cores while the runtime waits.
     */
    private static RowChoices[] rowChoices(float[][] logits, double[] scores, boolean[] banned, int keep) {
        RowChoices[] choices = new RowChoices[logits.length];
        IntStream.range(0, logits.length).parallel().forEach(row -> {
            if (scores[row] != Double.NEGATIVE_INFINITY) {
                choices[row] = new RowChoices(logSumExp(logits[row], banned), topTokens(logits[row], banned, keep));
            }
        });
        return choices;
    }

    /** The 2 × beams best continuations of a sentence's beams, best first. */
    private static List<Candidate> candidates(float[][] logits, RowChoices[] choices, double[] scores, int first,
            int beams, MarianConfig config, boolean forceEnd) {
        int keep = 2 * beams;
        List<Candidate> best = new ArrayList<>(keep * beams);
        for (int beam = 0; beam < beams; beam++) {
            int row = first + beam;
            if (scores[row] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double logSum = choices[row].logSum();
            if (forceEnd) {
                best.add(new Candidate(row, config.eosTokenId(),
                        scores[row] + (logits[row][config.eosTokenId()] - logSum)));
                continue;
            }
            for (int token : choices[row].topTokens()) {
                best.add(new Candidate(row, token, scores[row] + (logits[row][token] - logSum)));
            }
        }
        best.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return best.size() > keep ? best.subList(0, keep) : best;
    }

    /** A row's log-softmax normalizer ({@code log Σ exp}) and its best tokens, best first. */
    private record RowChoices(double logSum, int[] topTokens) {}

    /** {@code log Σ exp(logit)} over the tokens that may be generated: a token's log-probability is logit − this. */
    static double logSumExp(float[] logits, boolean[] banned) {
        double max = Double.NEGATIVE_INFINITY;
        for (int token = 0; token < logits.length; token++) {
            if (!banned[token]) {
                max = Math.max(max, logits[token]);
            }
        }
        double sum = 0;
        for (int token = 0; token < logits.length; token++) {
            if (!banned[token]) {
                sum += Math.exp(logits[token] - max);
            }
        }
        return max + Math.log(sum);
    }

    /** The {@code count} highest logits' tokens, best first; ties go to the lower id. Banned tokens never. */
    private static int[] topTokens(float[] logits, boolean[] banned, int count) {
        int[] top = new int[Math.min(count, logits.length)];
        Arrays.fill(top, -1);
        int filled = 0;
        for (int token = 0; token < logits.length; token++) {
            if (banned[token] || (filled == top.length && logits[token] <= logits[top[top.length - 1]])) {
                continue;
            }
            for (int slot = 0; slot < top.length; slot++) {
                if (top[slot] < 0 || logits[token] > logits[top[slot]]) {
                    System.arraycopy(top, slot, top, slot + 1, top.length - slot - 1);
                    top[slot] = token;
                    filled = Math.min(top.length, filled + 1);
                    break;
                }
            }
        }
        return Arrays.stream(top).filter(token -> token >= 0).toArray();
    }

    private static long[] append(long[] tokens, long token) {
        long[] longer = Arrays.copyOf(tokens, tokens.length + 1);
        longer[tokens.length] = token;
        return longer;
    }

    private record Candidate(int row, int token, double score) {}

    /** The best finished translations of one sentence, at most {@code beams}. */
    private static final class Hypotheses {
        private final int beams;
        private final double lengthPenalty;
        private final List<long[]> tokens = new ArrayList<>();
        private final List<Double> scores = new ArrayList<>();

        Hypotheses(int beams, double lengthPenalty) {
            this.beams = beams;
            this.lengthPenalty = lengthPenalty;
        }

        void add(long[] hypothesis, double sumLogProbabilities) {
            double score = sumLogProbabilities / Math.pow(hypothesis.length + 1, lengthPenalty);
            if (tokens.size() < beams || score > worst()) {
                tokens.add(hypothesis);
                scores.add(score);
                if (tokens.size() > beams) {
                    int worst = indexOfWorst();
                    tokens.remove(worst);
                    scores.remove(worst);
                }
            }
        }

        boolean isDone(double bestRunningSum, int length) {
            return tokens.size() >= beams && worst() >= bestRunningSum / Math.pow(length, lengthPenalty);
        }

        long[] best() {
            int best = 0;
            for (int index = 1; index < scores.size(); index++) {
                if (scores.get(index) > scores.get(best)) {
                    best = index;
                }
            }
            return tokens.isEmpty() ? new long[0] : tokens.get(best);
        }

        private double worst() {
            return scores.get(indexOfWorst());
        }

        private int indexOfWorst() {
            int worst = 0;
            for (int index = 1; index < scores.size(); index++) {
                if (scores.get(index) < scores.get(worst)) {
                    worst = index;
                }
            }
            return worst;
        }
    }
}

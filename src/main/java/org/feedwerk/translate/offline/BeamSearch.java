package org.feedwerk.translate.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

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
        for (int length = 1; length < maxLength; length++) {
            DecoderSteps.RowChoices[] choices = run.stepChoices(last, order, 2 * beams, config);
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
                List<Candidate> candidates = candidates(choices, scores, first, beams, config, length == maxLength - 1);
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

    /** The 2 × beams best continuations of a sentence's beams, best first. */
    private static List<Candidate> candidates(
            DecoderSteps.RowChoices[] choices,
            double[] scores,
            int first,
            int beams,
            MarianConfig config,
            boolean forceEnd) {
        int keep = 2 * beams;
        List<Candidate> best = new ArrayList<>(keep * beams);
        for (int beam = 0; beam < beams; beam++) {
            int row = first + beam;
            if (scores[row] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            DecoderSteps.RowChoices choice = choices[row];
            if (forceEnd) {
                best.add(new Candidate(row, config.eosTokenId(), scores[row] + choice.endLogProbability()));
                continue;
            }
            for (int index = 0; index < choice.tokens().length; index++) {
                best.add(new Candidate(row, choice.tokens()[index], scores[row] + choice.logProbabilities()[index]));
            }
        }
        best.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return best.size() > keep ? best.subList(0, keep) : best;
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

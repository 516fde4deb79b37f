package org.feedwerk.translate.offline;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One generation over a batch of decoder rows (sentences × beams), one token per step. The first step runs the
 * decoder without cache ({@code use_cache_branch = false}, empty past tensors); it returns the cross-attention
 * keys/values, which are kept for every later step, because in the cache branch the merged decoder's
 * {@code present.*.encoder.*} outputs are placeholders. The self-attention cache of each step feeds the next,
 * reordered when beam search moves a row to another beam.
 */
final class DecoderRun implements DecoderSteps, AutoCloseable {
    private final MarianOnnxModel model;
    private final int rows;
    private final List<String> pastDecoder;
    private final List<String> pastEncoder;
    private final List<String> presentDecoder;
    private final List<String> presentEncoder;
    private final OnnxTensor encoderStates;
    private final OnnxTensor encoderMask;
    private OrtSession.Result firstResult;
    private OrtSession.Result lastResult;
    /** Reordered cache tensors, owned by the results of the reorder runs. */
    private final List<OrtSession.Result> ownedCache = new ArrayList<>();

    private Map<String, OnnxTensor> decoderCache = Map.of();
    /** The inputs of choosing tokens in ONNX Runtime, made on the first step: banned tokens, k, {@code </s>}. */
    private OnnxTensor mask;

    private OnnxTensor keepTensor;
    private OnnxTensor endTensor;

    /** @param copies decoder rows per encoded sentence (the number of beams) */
    DecoderRun(MarianOnnxModel model, MarianOnnxModel.EncodedBatch batch, int copies) {
        this.model = model;
        this.rows = batch.rows() * copies;
        this.pastDecoder = model.cacheNames("past_key_values", "decoder");
        this.pastEncoder = model.cacheNames("past_key_values", "encoder");
        this.presentDecoder = model.cacheNames("present", "decoder");
        this.presentEncoder = model.cacheNames("present", "encoder");
        int block = batch.length() * batch.hidden();
        float[] states = new float[rows * block];
        long[] mask = new long[rows * batch.length()];
        for (int row = 0; row < rows; row++) {
            int sentence = row / copies;
            System.arraycopy(batch.states(), sentence * block, states, row * block, block);
            System.arraycopy(batch.mask(), sentence * batch.length(), mask, row * batch.length(), batch.length());
        }
        try {
            this.encoderStates = OnnxTensor.createTensor(
                    model.environment, FloatBuffer.wrap(states), new long[] {rows, batch.length(), batch.hidden()});
            this.encoderMask = OnnxTensor.createTensor(
                    model.environment, LongBuffer.wrap(mask), new long[] {rows, batch.length()});
        } catch (OrtException e) {
            throw new OfflineModelException("cannot create decoder inputs: " + e.getMessage(), e);
        }
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public float[][] step(long[] tokens, int[] order) {
        return advance(tokens, order, this::lastLogits);
    }

    /** The search's choices are made in ONNX Runtime from the logits output: only k tokens per row come out. */
    @Override
    public RowChoices[] stepChoices(long[] tokens, int[] order, int keep, MarianConfig config) {
        return advance(tokens, order, result -> choices(result, keep, config));
    }

    /** Greedy search's next tokens are chosen in ONNX Runtime too: one id per row comes out. */
    @Override
    public int[] stepBest(long[] tokens, MarianConfig config) {
        return advance(tokens, null, result -> {
            OnnxTensor logits = output(result, "logits");
            try (OrtSession.Result chosen = model.chooseBest(logits, mask(logits, config))) {
                LongBuffer ids = output(chosen, "best_token").getLongBuffer();
                int[] best = new int[rows];
                for (int row = 0; row < rows; row++) {
                    best[row] = (int) ids.get(row);
                }
                return best;
            }
        });
    }

    /** Minus infinity for the tokens that must never be generated, 0 for the others; made once. */
    private OnnxTensor mask(OnnxTensor logits, MarianConfig config) throws OrtException {
        if (mask == null) {
            int vocabulary = (int) logits.getInfo().getShape()[2];
            boolean[] banned = config.bannedMask(vocabulary);
            float[] values = new float[vocabulary];
            for (int token = 0; token < vocabulary; token++) {
                values[token] = banned[token] ? Float.NEGATIVE_INFINITY : 0;
            }
            mask = OnnxTensor.createTensor(model.environment, FloatBuffer.wrap(values), new long[] {vocabulary});
        }
        return mask;
    }

    private RowChoices[] choices(OrtSession.Result result, int keep, MarianConfig config) throws OrtException {
        OnnxTensor logits = output(result, "logits");
        int vocabulary = (int) logits.getInfo().getShape()[2];
        OnnxTensor banned = mask(logits, config);
        if (keepTensor == null) {
            keepTensor = OnnxTensor.createTensor(
                    model.environment, LongBuffer.wrap(new long[] {Math.min(keep, vocabulary)}), new long[] {1});
            endTensor = OnnxTensor.createTensor(
                    model.environment, LongBuffer.wrap(new long[] {config.eosTokenId()}), new long[] {});
        }
        try (OrtSession.Result chosen = model.chooseForBeams(logits, banned, keepTensor, endTensor)) {
            FloatBuffer values = output(chosen, "top_log_probabilities").getFloatBuffer();
            LongBuffer ids = output(chosen, "top_tokens").getLongBuffer();
            FloatBuffer ends = output(chosen, "end_log_probability").getFloatBuffer();
            int k = (int) output(chosen, "top_tokens").getInfo().getShape()[1];
            RowChoices[] choices = new RowChoices[rows];
            for (int row = 0; row < rows; row++) {
                int allowed = 0; // banned tokens come last, at minus infinity, when k reaches them
                while (allowed < k && values.get(row * k + allowed) != Float.NEGATIVE_INFINITY) {
                    allowed++;
                }
                int[] rowTokens = new int[allowed];
                float[] rowValues = new float[allowed];
                for (int index = 0; index < allowed; index++) {
                    rowTokens[index] = (int) ids.get(row * k + index);
                    rowValues[index] = values.get(row * k + index);
                }
                choices[row] = new RowChoices(rowTokens, rowValues, ends.get(row));
            }
            return choices;
        }
    }

    /** What a step returns, read from the decoder's result before its cache is kept. */
    private interface StepReader<T> {
        T read(OrtSession.Result result) throws OrtException;
    }

    private <T> T advance(long[] tokens, int[] order, StepReader<T> reader) {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        List<OnnxTensor> stepTensors = new ArrayList<>();
        try {
            OnnxTensor ids =
                    OnnxTensor.createTensor(model.environment, LongBuffer.wrap(tokens.clone()), new long[] {rows, 1});
            OnnxTensor useCache = OnnxTensor.createTensor(model.environment, new boolean[] {firstResult != null});
            stepTensors.add(ids);
            stepTensors.add(useCache);
            inputs.put("input_ids", ids);
            inputs.put("use_cache_branch", useCache);
            inputs.put("encoder_hidden_states", encoderStates);
            inputs.put("encoder_attention_mask", encoderMask);
            if (firstResult == null) {
                long[] empty = {rows, model.heads(), 0, model.headSize()};
                for (String name : concat(pastDecoder, pastEncoder)) {
                    OnnxTensor tensor = OnnxTensor.createTensor(model.environment, FloatBuffer.allocate(0), empty);
                    stepTensors.add(tensor);
                    inputs.put(name, tensor);
                }
            } else {
                for (int index = 0; index < pastEncoder.size(); index++) {
                    inputs.put(pastEncoder.get(index), output(firstResult, presentEncoder.get(index)));
                }
                inputs.putAll(reordered(order));
            }
            OrtSession.Result result = model.runDecoder(inputs);
            T read;
            try {
                read = reader.read(result);
            } catch (OrtException | RuntimeException e) {
                result.close();
                throw e;
            }
            keepCache(result);
            return read;
        } catch (OrtException e) {
            throw new OfflineModelException("cannot create decoder inputs: " + e.getMessage(), e);
        } finally {
            stepTensors.forEach(OnnxTensor::close);
        }
    }

    /** The self-attention cache with its rows moved, by ONNX Runtime, to the beams that continue them. */
    private Map<String, OnnxTensor> reordered(int[] order) throws OrtException {
        if (order == null || isIdentity(order)) {
            return decoderCache;
        }
        long[] indices = new long[order.length];
        for (int row = 0; row < order.length; row++) {
            indices[row] = order[row];
        }
        Map<String, OnnxTensor> moved = new HashMap<>();
        List<OrtSession.Result> results = new ArrayList<>();
        try (OnnxTensor orderTensor =
                OnnxTensor.createTensor(model.environment, LongBuffer.wrap(indices), new long[] {rows})) {
            for (Map.Entry<String, OnnxTensor> entry : decoderCache.entrySet()) {
                OrtSession.Result result = model.reorderRows(entry.getValue(), orderTensor);
                results.add(result);
                moved.put(entry.getKey(), (OnnxTensor) result.get(0));
            }
        } catch (RuntimeException | OrtException e) {
            results.forEach(OrtSession.Result::close);
            throw e;
        }
        releaseDecoderCache();
        ownedCache.addAll(results);
        decoderCache = moved;
        return moved;
    }

    private void keepCache(OrtSession.Result result) {
        Map<String, OnnxTensor> next = new HashMap<>();
        for (int index = 0; index < pastDecoder.size(); index++) {
            next.put(pastDecoder.get(index), output(result, presentDecoder.get(index)));
        }
        if (firstResult == null) {
            firstResult = result;
        } else {
            releaseDecoderCache();
            lastResult = result;
        }
        decoderCache = next;
    }

    private void releaseDecoderCache() {
        ownedCache.forEach(OrtSession.Result::close);
        ownedCache.clear();
        if (lastResult != null) {
            lastResult.close();
            lastResult = null;
        }
    }

    private float[][] lastLogits(OrtSession.Result result) throws OrtException {
        OnnxTensor logits = output(result, "logits");
        long[] shape = logits.getInfo().getShape();
        int steps = (int) shape[1];
        int vocabulary = (int) shape[2];
        FloatBuffer values = logits.getFloatBuffer();
        float[][] last = new float[rows][vocabulary];
        for (int row = 0; row < rows; row++) {
            values.get((row * steps + steps - 1) * vocabulary, last[row], 0, vocabulary);
        }
        return last;
    }

    private static OnnxTensor output(OrtSession.Result result, String name) {
        OnnxValue value =
                result.get(name).orElseThrow(() -> new OfflineModelException("the decoder has no output " + name));
        return (OnnxTensor) value;
    }

    private static boolean isIdentity(int[] order) {
        for (int row = 0; row < order.length; row++) {
            if (order[row] != row) {
                return false;
            }
        }
        return true;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Override
    public void close() {
        releaseDecoderCache();
        if (firstResult != null) {
            firstResult.close();
        }
        encoderStates.close();
        encoderMask.close();
        for (OnnxTensor tensor : new OnnxTensor[] {mask, keepTensor, endTensor}) {
            if (tensor != null) {
                tensor.close();
            }
        }
    }
}

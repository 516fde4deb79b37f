package org.feedwerk.translate.offline;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two ONNX Runtime sessions of a Marian export, created once and shared by all threads: the encoder
 * ({@code input_ids}, {@code attention_mask} → {@code last_hidden_state}) and the merged decoder, whose
 * {@code use_cache_branch} input switches between the first step and the steps with a key/value cache. The number
 * of layers, heads and the head size are read from the decoder's inputs, so any Marian size loads.
 */
final class MarianOnnxModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MarianOnnxModel.class);
    private static final Pattern PAST_KEY = Pattern.compile("past_key_values\\.(\\d+)\\.decoder\\.key");

    final OrtEnvironment environment;
    private final OrtSession encoder;
    private final OrtSession decoder;
    /** Moves cache rows for beam search inside ONNX Runtime: one native copy instead of three through Java. */
    private final OrtSession rowReorder;
    /** Chooses beam search's candidate tokens where the logits are, instead of copying them out. */
    private final OrtSession beamChoices;
    /** The same for greedy search: one token per row. */
    private final OrtSession greedyChoice;

    private final int layers;
    private final long heads;
    private final long headSize;
    private final LongAdder runtimeNanos = new LongAdder();
    private final LongAdder searchNanos = new LongAdder();

    private MarianOnnxModel(
            OrtEnvironment environment,
            OrtSession encoder,
            OrtSession decoder,
            OrtSession rowReorder,
            OrtSession beamChoices,
            OrtSession greedyChoice)
            throws OrtException {
        this.environment = environment;
        this.encoder = encoder;
        this.decoder = decoder;
        this.rowReorder = rowReorder;
        this.beamChoices = beamChoices;
        this.greedyChoice = greedyChoice;
        Map<String, NodeInfo> inputs = decoder.getInputInfo();
        for (String required :
                List.of("input_ids", "encoder_hidden_states", "encoder_attention_mask", "use_cache_branch")) {
            if (!inputs.containsKey(required)) {
                throw new OfflineModelException("the decoder has no input " + required + "; a merged decoder export "
                        + "(decoder_model_merged.onnx) is needed");
            }
        }
        int count = 0;
        long[] shape = null;
        for (Map.Entry<String, NodeInfo> input : inputs.entrySet()) {
            Matcher matcher = PAST_KEY.matcher(input.getKey());
            if (matcher.matches()) {
                count = Math.max(count, Integer.parseInt(matcher.group(1)) + 1);
                shape = ((TensorInfo) input.getValue().getInfo()).getShape();
            }
        }
        if (count == 0 || shape == null || shape.length != 4) {
            throw new OfflineModelException("the decoder has no past_key_values inputs of rank 4");
        }
        NodeInfo states = inputs.get("encoder_hidden_states");
        if (states.getInfo() instanceof TensorInfo tensor && tensor.type != OnnxJavaType.FLOAT) {
            throw new OfflineModelException(
                    "the export computes in " + tensor.type.toString().toLowerCase()
                            + "; only float32 and int8-quantized exports (with float32 inputs and outputs) are supported");
        }
        this.layers = count;
        this.heads = shape[1];
        this.headSize = shape[3];
    }

    /** Opens both sessions of a model folder; {@code threads} ≤ 0 lets ONNX Runtime use every core. */
    static MarianOnnxModel open(Path encoderFile, Path decoderFile, int threads) {
        for (Path file : List.of(encoderFile, decoderFile)) {
            if (!Files.isRegularFile(file)) {
                throw new OfflineModelException(file + " is missing");
            }
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession encoder = null;
        try (OrtSession.SessionOptions options = options(environment, threads)) {
            encoder = environment.createSession(encoderFile.toString(), options);
            OrtSession decoder = environment.createSession(decoderFile.toString(), options);
            OrtSession rowReorder = null;
            OrtSession beamChoices = null;
            OrtSession greedyChoice = null;
            try {
                rowReorder = environment.createSession(searchModel("reorder_rows.onnx"), options);
                beamChoices = environment.createSession(searchModel("beam_choices.onnx"), options);
                greedyChoice = environment.createSession(searchModel("greedy_choice.onnx"), options);
                return new MarianOnnxModel(environment, encoder, decoder, rowReorder, beamChoices, greedyChoice);
            } catch (RuntimeException | OrtException e) {
                decoder.close();
                closeQuietly(rowReorder);
                closeQuietly(beamChoices);
                closeQuietly(greedyChoice);
                throw e;
            }
        } catch (OrtException e) {
            closeQuietly(encoder);
            throw new OfflineModelException(
                    "ONNX Runtime cannot load " + encoderFile.getParent() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(encoder);
            throw e;
        }
    }

    /** One of the small models beam search runs (written by {@code RowReorderModelTest}). */
    private static byte[] searchModel(String name) {
        try (var in = MarianOnnxModel.class.getResourceAsStream("/offline/" + name)) {
            if (in == null) {
                throw new IllegalStateException("offline/" + name + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OrtSession.SessionOptions options(OrtEnvironment environment, int threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // Every session has its own thread pool; a pool that spins after its run takes the cores from the next
        // session's (measured: a decoder step after a small search session ran a third slower on two cores).
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        if (threads > 0) {
            options.setIntraOpNumThreads(threads);
        }
        if (OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            // Present only when the GPU build of ONNX Runtime is on the classpath instead of the CPU one.
            try {
                options.addCUDA(0);
                LOG.info("offline engine uses the CUDA execution provider");
            } catch (OrtException e) {
                LOG.warn(
                        "the CUDA execution provider is built in but cannot be used ({}); running on the CPU",
                        e.getMessage());
            }
        }
        return options;
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    /** Runs the encoder on a batch of token ids, right-padded with {@code padId}. */
    EncodedBatch encode(List<long[]> sentences, long padId) {
        int rows = sentences.size();
        int length = sentences.stream().mapToInt(ids -> ids.length).max().orElse(0);
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        for (int row = 0; row < rows; row++) {
            long[] sentence = sentences.get(row);
            for (int position = 0; position < length; position++) {
                boolean real = position < sentence.length;
                ids[row * length + position] = real ? sentence[position] : padId;
                mask[row * length + position] = real ? 1 : 0;
            }
        }
        long[] shape = {rows, length};
        long start = System.nanoTime();
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OrtSession.Result result = encoder.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor))) {
            runtimeNanos.add(System.nanoTime() - start);
            OnnxTensor hidden = (OnnxTensor) result.get("last_hidden_state")
                    .orElseThrow(() -> new OfflineModelException("the encoder has no output last_hidden_state"));
            long[] hiddenShape = hidden.getInfo().getShape();
            FloatBuffer values = hidden.getFloatBuffer();
            float[] copy = new float[values.remaining()];
            values.get(copy);
            return new EncodedBatch(rows, length, (int) hiddenShape[2], copy, mask);
        } catch (OrtException e) {
            throw new OfflineModelException("the encoder failed: " + e.getMessage(), e);
        }
    }

    OrtSession.Result runDecoder(Map<String, OnnxTensor> inputs) {
        return run(decoder, inputs, "the decoder failed", runtimeNanos);
    }

    /**
     * The rows of a cache tensor in a new order ({@code order[row]} = the row it takes its values from), as a
     * tensor ONNX Runtime owns: closing the result frees it.
     */
    OrtSession.Result reorderRows(OnnxTensor cache, OnnxTensor order) {
        return run(rowReorder, Map.of("cache", cache, "order", order), "cannot reorder the decoder cache", searchNanos);
    }

    /**
     * Each row's {@code k} best next tokens from the decoder's {@code logits} output, with log-probabilities, and
     * the log-probability of {@code endToken}; {@code mask} adds minus infinity to banned tokens.
     */
    OrtSession.Result chooseForBeams(OnnxTensor logits, OnnxTensor mask, OnnxTensor k, OnnxTensor endToken) {
        return run(
                beamChoices,
                Map.of("logits", logits, "mask", mask, "k", k, "end_token", endToken),
                "cannot choose beam candidates",
                searchNanos);
    }

    /** Each row's most likely token that the mask allows (the first of equal maxima) from the decoder's logits. */
    OrtSession.Result chooseBest(OnnxTensor logits, OnnxTensor mask) {
        return run(greedyChoice, Map.of("logits", logits, "mask", mask), "cannot choose the next tokens", searchNanos);
    }

    /** Runs a session, adding the time to {@code timer}; a failure is reported with {@code failure} first. */
    private static OrtSession.Result run(
            OrtSession session, Map<String, OnnxTensor> inputs, String failure, LongAdder timer) {
        long start = System.nanoTime();
        try {
            return session.run(inputs);
        } catch (OrtException e) {
            throw new OfflineModelException(failure + ": " + e.getMessage(), e);
        } finally {
            timer.add(System.nanoTime() - start);
        }
    }

    /** Time spent inside the model's ONNX Runtime sessions (encoder and decoder) since it was opened. */
    long runtimeNanos() {
        return runtimeNanos.sum();
    }

    /** Time the search spent in ONNX Runtime (moving cache rows, choosing tokens): not the model's own work. */
    long searchNanos() {
        return searchNanos.sum();
    }

    List<String> cacheNames(String prefix, String part) {
        List<String> names = new ArrayList<>(layers * 2);
        for (int layer = 0; layer < layers; layer++) {
            names.add(prefix + "." + layer + "." + part + ".key");
            names.add(prefix + "." + layer + "." + part + ".value");
        }
        return names;
    }

    long heads() {
        return heads;
    }

    long headSize() {
        return headSize;
    }

    @Override
    public void close() {
        closeQuietly(encoder);
        closeQuietly(decoder);
        closeQuietly(rowReorder);
        closeQuietly(beamChoices);
        closeQuietly(greedyChoice);
    }

    /** Encoder states of a batch: {@code rows × length × hidden} floats and the attention mask. */
    record EncodedBatch(int rows, int length, int hidden, float[] states, long[] mask) {}
}

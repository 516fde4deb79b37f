package org.feedwerk.testing;

import static org.feedwerk.testing.onnx.OnnxGraph.BOOL;
import static org.feedwerk.testing.onnx.OnnxGraph.FLOAT;
import static org.feedwerk.testing.onnx.OnnxGraph.INT64;
import static org.feedwerk.testing.onnx.OnnxGraph.INT8;
import static org.feedwerk.testing.onnx.OnnxGraph.floatAttribute;
import static org.feedwerk.testing.onnx.OnnxGraph.graphAttribute;
import static org.feedwerk.testing.onnx.OnnxGraph.intAttribute;
import static org.feedwerk.testing.onnx.OnnxGraph.intsAttribute;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.feedwerk.testing.onnx.OnnxGraph;

/**
 * A Marian translation model with OPUS-MT en-de's shapes and seeded random weights, written in the layout of the
 * Xenova exports that transformers.js loads ({@code config.json}, {@code generation_config.json},
 * {@code tokenizer.json}, {@code tokenizer_config.json}, {@code source.spm}, {@code target.spm},
 * {@code vocab.json}, {@code onnx/encoder_model[_quantized].onnx}, {@code onnx/decoder_model_merged[_quantized].onnx}).
 *
 * <p>The graph is a real post-norm Transformer as Marian has it: embeddings scaled by √d plus sinusoidal
 * positions, multi-head attention with a padding mask (and a causal mask in the decoder), swish feed-forward
 * layers, logits from an output projection of their own. The merged decoder's {@code use_cache_branch} chooses between
 * projecting the encoder states for cross-attention (first step) and reading them from the cache. The quantized
 * files compute every projection with int8 weights ({@code DynamicQuantizeLinear} + {@code MatMulInteger}), as
 * ONNX Runtime's dynamic quantization writes them. It translates nothing: it exists so that the offline engine
 * can be compared with transformers.js, and timed, on a model of the real size.
 *
 * <p>Run {@code bench/standin-model DIR [--seed N] [--small]} to write one.
 */
public final class StandInMarianModel {
    /** Layer count, widths and vocabulary of a model. */
    public record Shape(int layers, int dModel, int heads, int ffn, int vocabulary, int positions) {
        /** Helsinki-NLP/opus-mt-en-de and its Xenova export. */
        public static final Shape OPUS_MT_EN_DE = new Shape(6, 512, 8, 2048, 58101, 512);
        /** The same layout, small enough for a quick test. */
        public static final Shape SMALL = new Shape(2, 64, 4, 128, 6000, 128);

        int headSize() {
            return dModel / heads;
        }
    }

    /**
     * The logit of {@code </s>}, whatever the state (its output weights are zero): just below the usual best of
     * 58,000 others, so that it wins now and then and outputs have different lengths, whatever the seed.
     */
    private static final float END_LOGIT = 3.7f;
    /**
     * How much each attention and feed-forward block adds to the residual stream. Six random blocks at full
     * strength wash the input out (every sentence becomes one token repeated); at a quarter the tokens fed, their
     * positions and the source all still steer the output.
     */
    private static final float BLOCK_OUTPUT = 0.25f;

    private static final float MASKED = -1e9f;

    private final Shape shape;
    private final Random random;
    private final boolean quantized;
    private final float[] embedding;
    private final Map<String, float[]> weights = new LinkedHashMap<>();

    private StandInMarianModel(Shape shape, long seed, boolean quantized, float[] embedding) {
        this.shape = shape;
        this.random = new Random(seed);
        this.quantized = quantized;
        this.embedding = embedding;
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: bench/standin-model DIR [--seed N] [--small]");
            System.exit(2);
        }
        long seed = 1;
        Shape shape = Shape.OPUS_MT_EN_DE;
        for (int index = 1; index < args.length; index++) {
            switch (args[index]) {
                case "--seed" -> seed = Long.parseLong(args[++index]);
                case "--small" -> shape = Shape.SMALL;
                default -> {
                    System.err.println("unknown option " + args[index]);
                    System.exit(2);
                }
            }
        }
        Path folder = write(Path.of(args[0]), shape, seed);
        System.out.println("stand-in model (" + shape + ", seed " + seed + ") written to " + folder);
    }

    /** Writes every file of the export into {@code folder} and returns it. */
    public static Path write(Path folder, Shape shape, long seed) {
        try {
            Files.createDirectories(folder.resolve("onnx"));
            StandInVocabulary vocabulary = StandInVocabulary.of(shape.vocabulary());
            writeTokenizer(folder, vocabulary, shape);
            writeConfig(folder, shape);
            for (boolean quantized : new boolean[] {false, true}) {
                // The same seed gives the same weights in both files: the quantized model is the full one, rounded.
                Random weights = new Random(seed);
                // Spreads of 1/√(inputs) keep every layer's output near unit size, so that the source, the
                // positions and the tokens fed so far all move the logits (smaller weights make a model that
                // repeats one token whatever it reads).
                float[] embedding =
                        gaussian(weights, shape.vocabulary() * shape.dModel(), (float) (1 / Math.sqrt(shape.dModel())));
                String suffix = quantized ? "_quantized" : "";
                StandInMarianModel encoder = new StandInMarianModel(shape, seed + 1, quantized, embedding);
                write(folder.resolve("onnx/encoder_model" + suffix + ".onnx"), encoder.encoder());
                StandInMarianModel decoder = new StandInMarianModel(shape, seed + 2, quantized, embedding);
                write(folder.resolve("onnx/decoder_model_merged" + suffix + ".onnx"), decoder.decoder());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, OnnxGraph graph) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            OnnxGraph.model(graph.proto()).writeTo(out);
        }
    }

    private OnnxGraph encoder() {
        OnnxGraph g = new OnnxGraph("encoder", "");
        g.input("input_ids", INT64, "batch_size", "encoder_sequence_length");
        g.input("attention_mask", INT64, "batch_size", "encoder_sequence_length");
        g.floats("model.shared.weight", embedding, shape.vocabulary(), shape.dModel());
        g.floats("embed_positions", sinusoids(), shape.positions(), shape.dModel());
        String length = g.op("Gather", List.of(g.op("Shape", List.of("input_ids")), g.scalar(1L)));
        String positions = g.op("Range", List.of(g.scalar(0L), length, g.scalar(1L)));
        String x = embedded(g, "input_ids", positions);
        String bias = paddingBias(g, "attention_mask");
        for (int layer = 0; layer < shape.layers(); layer++) {
            String name = "encoder.layers." + layer;
            String attended = attention(
                    g,
                    name + ".self_attn",
                    x,
                    heads(g, name + ".self_attn.k_proj", x),
                    heads(g, name + ".self_attn.v_proj", x),
                    bias);
            x = layerNorm(g, name + ".self_attn_layer_norm", g.op("Add", List.of(x, attended)));
            x = layerNorm(g, name + ".final_layer_norm", g.op("Add", List.of(x, feedForward(g, name, x))));
        }
        g.op("Identity", List.of(x), List.of("last_hidden_state"));
        g.output("last_hidden_state", FLOAT, "batch_size", "encoder_sequence_length", shape.dModel());
        return g;
    }

    private OnnxGraph decoder() {
        OnnxGraph g = new OnnxGraph("decoder_merged", "");
        g.input("encoder_attention_mask", INT64, "batch_size", "encoder_sequence_length");
        g.input("input_ids", INT64, "batch_size", "decoder_sequence_length");
        g.input("encoder_hidden_states", FLOAT, "batch_size", "encoder_sequence_length", shape.dModel());
        for (int layer = 0; layer < shape.layers(); layer++) {
            for (String part : List.of("decoder", "encoder")) {
                String length = part.equals("decoder") ? "past_decoder_sequence_length" : "encoder_sequence_length_out";
                for (String kind : List.of("key", "value")) {
                    g.input(
                            "past_key_values." + layer + "." + part + "." + kind,
                            FLOAT,
                            "batch_size",
                            shape.heads(),
                            length,
                            shape.headSize());
                }
            }
        }
        g.input("use_cache_branch", BOOL, 1);
        g.floats("model.shared.weight", embedding, shape.vocabulary(), shape.dModel());
        g.floats("embed_positions", sinusoids(), shape.positions(), shape.dModel());

        String pastLength =
                g.op("Gather", List.of(g.op("Shape", List.of("past_key_values.0.decoder.key")), g.scalar(2L)));
        String end = g.op(
                "Add", List.of(pastLength, g.op("Gather", List.of(g.op("Shape", List.of("input_ids")), g.scalar(1L)))));
        String positions = g.op("Range", List.of(pastLength, end, g.scalar(1L)));
        String x = embedded(g, "input_ids", positions);
        // Each new position sees the cache and itself, never a later position.
        String rows = g.op("Unsqueeze", List.of(positions, g.longs(1)));
        String columns =
                g.op("Unsqueeze", List.of(g.op("Range", List.of(g.scalar(0L), end, g.scalar(1L))), g.longs(0)));
        String causal =
                g.op("Where", List.of(g.op("LessOrEqual", List.of(columns, rows)), g.scalar(0f), g.scalar(MASKED)));
        String sourceBias = paddingBias(g, "encoder_attention_mask");

        crossAttentionCache(g);
        for (int layer = 0; layer < shape.layers(); layer++) {
            String name = "decoder.layers." + layer;
            String cache = "present." + layer + ".decoder.";
            g.op(
                    "Concat",
                    List.of("past_key_values." + layer + ".decoder.key", heads(g, name + ".self_attn.k_proj", x)),
                    List.of(cache + "key"),
                    intAttribute("axis", 2));
            g.op(
                    "Concat",
                    List.of("past_key_values." + layer + ".decoder.value", heads(g, name + ".self_attn.v_proj", x)),
                    List.of(cache + "value"),
                    intAttribute("axis", 2));
            String attended = attention(g, name + ".self_attn", x, cache + "key", cache + "value", causal);
            x = layerNorm(g, name + ".self_attn_layer_norm", g.op("Add", List.of(x, attended)));
            // Cross-attention at full strength: the source must steer what comes out.
            String crossed = attention(
                    g,
                    name + ".encoder_attn",
                    x,
                    "present." + layer + ".encoder.key",
                    "present." + layer + ".encoder.value",
                    sourceBias,
                    1);
            x = layerNorm(g, name + ".encoder_attn_layer_norm", g.op("Add", List.of(x, crossed)));
            x = layerNorm(g, name + ".final_layer_norm", g.op("Add", List.of(x, feedForward(g, name, x))));
        }
        float[] logitsBias = new float[shape.vocabulary()];
        logitsBias[0] = END_LOGIT;
        g.floats("final_logits_bias", logitsBias, shape.vocabulary());
        // Not tied to the embedding: with random weights a tied head makes the model repeat the token it was fed.
        float[] head = gaussian(random, shape.dModel() * shape.vocabulary(), (float) (1 / Math.sqrt(shape.dModel())));
        for (int row = 0; row < shape.dModel(); row++) {
            head[row * shape.vocabulary()] = 0; // the column of </s> (id 0)
        }
        String projected = quantized
                ? quantizedMatMul(g, "lm_head", x, head, shape.dModel(), shape.vocabulary())
                : g.op("MatMul", List.of(x, g.floats("lm_head.weight", head, shape.dModel(), shape.vocabulary())));
        g.op("Add", List.of(projected, "final_logits_bias"), List.of("logits"));
        g.output("logits", FLOAT, "batch_size", "decoder_sequence_length", shape.vocabulary());
        for (int layer = 0; layer < shape.layers(); layer++) {
            for (String part : List.of("decoder", "encoder")) {
                String length =
                        part.equals("decoder") ? "present_decoder_sequence_length" : "encoder_sequence_length_out";
                for (String kind : List.of("key", "value")) {
                    g.output(
                            "present." + layer + "." + part + "." + kind,
                            FLOAT,
                            "batch_size",
                            shape.heads(),
                            length,
                            shape.headSize());
                }
            }
        }
        return g;
    }

    /**
     * The {@code If} on {@code use_cache_branch}: the first step projects the encoder states into every layer's
     * cross-attention keys and values, later steps pass the cached ones on.
     */
    private void crossAttentionCache(OnnxGraph g) {
        OnnxGraph withCache = new OnnxGraph("with_cache", "cached_");
        OnnxGraph firstStep = new OnnxGraph("first_step", "first_");
        List<String> outputs = new ArrayList<>();
        for (int layer = 0; layer < shape.layers(); layer++) {
            String name = "decoder.layers." + layer + ".encoder_attn";
            for (String kind : List.of("key", "value")) {
                outputs.add("present." + layer + ".encoder." + kind);
                String cached = withCache.op("Identity", List.of("past_key_values." + layer + ".encoder." + kind));
                withCache.output(cached, FLOAT);
                String projection = name + (kind.equals("key") ? ".k_proj" : ".v_proj");
                String fresh = heads(firstStep, g, projection, "encoder_hidden_states");
                firstStep.output(fresh, FLOAT);
            }
        }
        g.op(
                "If",
                List.of("use_cache_branch"),
                outputs,
                graphAttribute("then_branch", withCache.proto().build()),
                graphAttribute("else_branch", firstStep.proto().build()));
    }

    private String embedded(OnnxGraph g, String ids, String positions) {
        String tokens = g.op("Mul", List.of(g.op("Gather", List.of("model.shared.weight", ids)), g.scalar((float)
                Math.sqrt(shape.dModel()))));
        return g.op("Add", List.of(tokens, g.op("Gather", List.of("embed_positions", positions))));
    }

    /** 0 where the mask is 1, a large negative number where it is 0; shaped to add to attention scores. */
    private static String paddingBias(OnnxGraph g, String mask) {
        String missing = g.op("Sub", List.of(g.scalar(1f), g.op("Cast", List.of(mask), intAttribute("to", FLOAT))));
        return g.op("Unsqueeze", List.of(g.op("Mul", List.of(missing, g.scalar(MASKED))), g.longs(1, 2)));
    }

    /** Scaled dot-product attention over keys and values already split into heads; returns the output projection. */
    private String attention(OnnxGraph g, String name, String x, String keys, String values, String bias) {
        return attention(g, name, x, keys, values, bias, BLOCK_OUTPUT);
    }

    private String attention(OnnxGraph g, String name, String x, String keys, String values, String bias, float gain) {
        String queries = g.op("Mul", List.of(heads(g, name + ".q_proj", x), g.scalar((float)
                (1 / Math.sqrt(shape.headSize())))));
        String scores =
                g.op("MatMul", List.of(queries, g.op("Transpose", List.of(keys), intsAttribute("perm", 0, 1, 3, 2))));
        String weights = g.op("Softmax", List.of(g.op("Add", List.of(scores, bias))), intAttribute("axis", -1));
        String context =
                g.op("Transpose", List.of(g.op("MatMul", List.of(weights, values))), intsAttribute("perm", 0, 2, 1, 3));
        return linear(
                g,
                g,
                name + ".out_proj",
                g.op("Reshape", List.of(context, g.longs(0, 0, shape.dModel()))),
                shape.dModel(),
                shape.dModel(),
                gain);
    }

    private String heads(OnnxGraph g, String projection, String x) {
        return heads(g, g, projection, x);
    }

    /** A projection split into heads: batch × heads × length × head size. Weights live in {@code owner}. */
    private String heads(OnnxGraph g, OnnxGraph owner, String projection, String x) {
        String projected = linear(g, owner, projection, x, shape.dModel(), shape.dModel());
        return g.op(
                "Transpose",
                List.of(g.op("Reshape", List.of(projected, g.longs(0, 0, shape.heads(), shape.headSize())))),
                intsAttribute("perm", 0, 2, 1, 3));
    }

    private String feedForward(OnnxGraph g, String name, String x) {
        String hidden = linear(g, g, name + ".fc1", x, shape.dModel(), shape.ffn());
        String swish = g.op("Mul", List.of(hidden, g.op("Sigmoid", List.of(hidden))));
        return linear(g, g, name + ".fc2", swish, shape.ffn(), shape.dModel(), BLOCK_OUTPUT);
    }

    private String layerNorm(OnnxGraph g, String name, String x) {
        float[] scale = gaussian(random, shape.dModel(), 0.1f);
        for (int index = 0; index < scale.length; index++) {
            scale[index] += 1;
        }
        g.floats(name + ".weight", scale, shape.dModel());
        g.floats(name + ".bias", gaussian(random, shape.dModel(), 0.02f), shape.dModel());
        return g.op(
                "LayerNormalization",
                List.of(x, name + ".weight", name + ".bias"),
                intAttribute("axis", -1),
                floatAttribute("epsilon", 1e-5f));
    }

    /**
     * {@code x · W + b} with new random weights (input × output), full precision or int8. Nodes go into
     * {@code g}, weights into {@code owner} (the main graph when {@code g} is a branch of it).
     */
    private String linear(OnnxGraph g, OnnxGraph owner, String name, String x, int in, int out) {
        return linear(g, owner, name, x, in, out, 1);
    }

    private String linear(OnnxGraph g, OnnxGraph owner, String name, String x, int in, int out, float gain) {
        float[] weight = gaussian(random, in * out, (float) (gain / Math.sqrt(in)));
        owner.floats(name + ".bias", gaussian(random, out, 0.02f), out);
        String product = quantized
                ? quantizedMatMul(owner, g, name, x, weight, in, out)
                : g.op("MatMul", List.of(x, owner.floats(name + ".weight", weight, in, out)));
        return g.op("Add", List.of(product, name + ".bias"));
    }

    private static String quantizedMatMul(OnnxGraph g, String name, String x, float[] weight, int in, int out) {
        return quantizedMatMul(g, g, name, x, weight, in, out);
    }

    /** What ONNX Runtime's dynamic quantization writes: uint8 activations, symmetric int8 weights per tensor. */
    private static String quantizedMatMul(
            OnnxGraph owner, OnnxGraph g, String name, String x, float[] weight, int in, int out) {
        float largest = 0;
        for (float value : weight) {
            largest = Math.max(largest, Math.abs(value));
        }
        float scale = largest / 127;
        byte[] quantizedWeight = new byte[weight.length];
        for (int index = 0; index < weight.length; index++) {
            quantizedWeight[index] = (byte) Math.max(-127, Math.min(127, Math.round(weight[index] / scale)));
        }
        owner.bytes(name + ".weight_quantized", INT8, quantizedWeight, in, out);
        owner.floats(name + ".weight_scale", new float[] {scale});
        String prefix = g.op("Identity", List.of(x)) + "_";
        List<String> activation = List.of(prefix + "quantized", prefix + "scale", prefix + "zero_point");
        g.op("DynamicQuantizeLinear", List.of(x), activation);
        String integers =
                g.op("MatMulInteger", List.of(activation.get(0), name + ".weight_quantized", activation.get(2)));
        String floats = g.op("Cast", List.of(integers), intAttribute("to", FLOAT));
        return g.op("Mul", List.of(floats, g.op("Mul", List.of(activation.get(1), name + ".weight_scale"))));
    }

    /** Marian's sinusoidal positions: sines in the first half of each row, cosines in the second. */
    private float[] sinusoids() {
        int d = shape.dModel();
        float[] table = new float[shape.positions() * d];
        for (int position = 0; position < shape.positions(); position++) {
            for (int index = 0; index < d / 2; index++) {
                double angle = position / Math.pow(10000, 2.0 * index / d);
                table[position * d + index] = (float) Math.sin(angle);
                table[position * d + d / 2 + index] = (float) Math.cos(angle);
            }
        }
        return table;
    }

    private static float[] gaussian(Random random, int count, float spread) {
        float[] values = new float[count];
        for (int index = 0; index < count; index++) {
            values[index] = (float) random.nextGaussian() * spread;
        }
        return values;
    }

    private static void writeConfig(Path folder, Shape shape) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int pad = shape.vocabulary() - 1;
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("_name_or_path", "feedwerk/standin-opus-mt-en-de");
        config.put("architectures", List.of("MarianMTModel"));
        config.put("model_type", "marian");
        config.put("is_encoder_decoder", true);
        config.put("activation_function", "swish");
        config.put("d_model", shape.dModel());
        config.put("encoder_layers", shape.layers());
        config.put("decoder_layers", shape.layers());
        config.put("encoder_attention_heads", shape.heads());
        config.put("decoder_attention_heads", shape.heads());
        config.put("encoder_ffn_dim", shape.ffn());
        config.put("decoder_ffn_dim", shape.ffn());
        config.put("max_position_embeddings", shape.positions());
        config.put("scale_embedding", true);
        config.put("normalize_before", false);
        config.put("static_position_embeddings", true);
        config.put("share_encoder_decoder_embeddings", true);
        config.put("vocab_size", shape.vocabulary());
        config.put("decoder_vocab_size", shape.vocabulary());
        config.put("pad_token_id", pad);
        config.put("eos_token_id", 0);
        config.put("decoder_start_token_id", pad);
        config.put("forced_eos_token_id", 0);
        config.put("bad_words_ids", List.of(List.of(pad)));
        config.put("num_beams", 4);
        config.put("max_length", 512);
        json.writeValue(folder.resolve("config.json").toFile(), config);
        Map<String, Object> generation = new LinkedHashMap<>();
        generation.put("bad_words_ids", List.of(List.of(pad)));
        generation.put("bos_token_id", 0);
        generation.put("decoder_start_token_id", pad);
        generation.put("eos_token_id", 0);
        generation.put("forced_eos_token_id", 0);
        generation.put("max_length", 512);
        generation.put("num_beams", 4);
        generation.put("pad_token_id", pad);
        json.writeValue(folder.resolve("generation_config.json").toFile(), generation);
    }

    /**
     * {@code vocab.json}, the two SentencePiece models and the {@code tokenizer.json} (a unigram model over the
     * shared vocabulary with the source model's scores) that transformers.js reads instead of them.
     */
    private static void writeTokenizer(Path folder, StandInVocabulary vocabulary, Shape shape) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int id = 0; id < vocabulary.pieces.size(); id++) {
            ids.put(vocabulary.pieces.get(id), id);
        }
        json.writeValue(folder.resolve("vocab.json").toFile(), ids);
        Files.write(folder.resolve("source.spm"), SentencePieceModels.unigram(vocabulary.sourceScores));
        Files.write(folder.resolve("target.spm"), SentencePieceModels.unigram(vocabulary.targetScores));
        int pad = shape.vocabulary() - 1;
        List<Object> scored = new ArrayList<>();
        for (String piece : vocabulary.pieces) {
            // A piece only the target model has never comes out of source segmentation.
            Float score = vocabulary.sourceScores.get(piece);
            scored.add(List.of(piece, score == null ? (piece.startsWith("<") ? 0.0 : -100.0) : (double) score));
        }
        Map<String, Object> metaspace = Map.of(
                "type",
                "Metaspace",
                "replacement",
                StandInVocabulary.WORD_START,
                "prepend_scheme",
                "always",
                "split",
                true);
        Map<String, Object> tokenizer = new LinkedHashMap<>();
        tokenizer.put("version", "1.0");
        tokenizer.put("truncation", null);
        tokenizer.put("padding", null);
        tokenizer.put("added_tokens", List.of(special(0, "</s>"), special(1, "<unk>"), special(pad, "<pad>")));
        tokenizer.put("normalizer", null);
        tokenizer.put("pre_tokenizer", metaspace);
        tokenizer.put(
                "post_processor",
                Map.of(
                        "type",
                        "TemplateProcessing",
                        "single",
                        List.of(
                                Map.of("Sequence", Map.of("id", "A", "type_id", 0)),
                                Map.of("SpecialToken", Map.of("id", "</s>", "type_id", 0))),
                        "pair",
                        List.of(
                                Map.of("Sequence", Map.of("id", "A", "type_id", 0)),
                                Map.of("Sequence", Map.of("id", "B", "type_id", 0)),
                                Map.of("SpecialToken", Map.of("id", "</s>", "type_id", 0))),
                        "special_tokens",
                        Map.of("</s>", Map.of("id", "</s>", "ids", List.of(0), "tokens", List.of("</s>")))));
        tokenizer.put("decoder", metaspace);
        tokenizer.put("model", Map.of("type", "Unigram", "unk_id", 1, "vocab", scored, "byte_fallback", false));
        json.writeValue(folder.resolve("tokenizer.json").toFile(), tokenizer);
        Map<String, Object> tokenizerConfig = new LinkedHashMap<>();
        tokenizerConfig.put("tokenizer_class", "MarianTokenizer");
        tokenizerConfig.put("source_lang", "en");
        tokenizerConfig.put("target_lang", "de");
        tokenizerConfig.put("model_max_length", shape.positions());
        tokenizerConfig.put("eos_token", "</s>");
        tokenizerConfig.put("unk_token", "<unk>");
        tokenizerConfig.put("pad_token", "<pad>");
        tokenizerConfig.put("clean_up_tokenization_spaces", true);
        json.writeValue(folder.resolve("tokenizer_config.json").toFile(), tokenizerConfig);
    }

    private static Map<String, Object> special(int id, String content) {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("id", id);
        token.put("content", content);
        token.put("single_word", false);
        token.put("lstrip", false);
        token.put("rstrip", false);
        token.put("normalized", false);
        token.put("special", true);
        return token;
    }
}

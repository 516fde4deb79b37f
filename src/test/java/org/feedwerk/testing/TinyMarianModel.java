package org.feedwerk.testing;

import static org.feedwerk.testing.onnx.OnnxGraph.BOOL;
import static org.feedwerk.testing.onnx.OnnxGraph.FLOAT;
import static org.feedwerk.testing.onnx.OnnxGraph.FLOAT16;
import static org.feedwerk.testing.onnx.OnnxGraph.INT64;
import static org.feedwerk.testing.onnx.OnnxGraph.floatTensor;
import static org.feedwerk.testing.onnx.OnnxGraph.graphAttribute;
import static org.feedwerk.testing.onnx.OnnxGraph.intAttribute;
import static org.feedwerk.testing.onnx.OnnxGraph.longTensor;
import static org.feedwerk.testing.onnx.OnnxGraph.model;
import static org.feedwerk.testing.onnx.OnnxGraph.node;
import static org.feedwerk.testing.onnx.OnnxGraph.value;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedwerk.testing.onnx.OnnxSubset.GraphProto;
import org.feedwerk.testing.onnx.OnnxSubset.ModelProto;
import org.feedwerk.testing.onnx.OnnxSubset.ValueInfoProto;

/**
 * A Marian model small enough to write in a test, with the files, input/output names and shapes of a real
 * transformers.js export of OPUS-MT: two SentencePiece models, a shared vocabulary, an encoder and a merged
 * decoder with a key/value cache behind {@code use_cache_branch}.
 *
 * <p>Its weights make the translation predictable. The encoder state of a token is its one-hot vector; decoding
 * step {@code p} reads the encoder state at position {@code p} through a word table ({@code The → Die},
 * {@code cat → Kater 2.0 / Katze 1.5}, …), plus a penalty for {@code schläft} after {@code Kater}. So greedy search
 * translates "The cat sleeps." as "Die Kater schläft." and beam search finds the better "Die Katze schläft.".
 * {@code dog} scores {@code <pad>} above {@code Hund}: the pad token must never be generated. The self-attention
 * cache (the tokens a row has fed) changes the logits ({@link #historyTable}), so beam search must move it with
 * its row. In the cache branch
 * the decoder reads the source only from the cross-attention cache of the first step and returns zeros as its
 * encoder outputs, so a runtime that does not keep that cache translates wrongly.
 */
public final class TinyMarianModel {
    public static final List<String> VOCABULARY = List.of(
            "</s>",
            "<unk>",
            "▁The",
            "▁cat",
            "▁sleeps",
            "▁A",
            "▁dog",
            ".",
            "▁Die",
            "▁Katze",
            "▁Kater",
            "▁schläft",
            "▁Ein",
            "▁Hund",
            "<pad>");
    public static final int LAYERS = 2;
    private static final int V = VOCABULARY.size();

    private TinyMarianModel() {}

    /** Writes every file of the export layout into {@code folder} (quantized and full names) and returns it. */
    public static Path write(Path folder) {
        return write(folder, 64);
    }

    /**
     * The same with {@code positions} source positions: like a real Marian encoder, whose position embeddings
     * end at {@code max_position_embeddings}, it fails on a longer input.
     */
    public static Path write(Path folder, int positions) {
        try {
            Files.createDirectories(folder.resolve("onnx"));
            ObjectMapper json = new ObjectMapper();
            Map<String, Integer> vocabulary = new LinkedHashMap<>();
            for (int id = 0; id < V; id++) {
                vocabulary.put(VOCABULARY.get(id), id);
            }
            json.writeValue(folder.resolve("vocab.json").toFile(), vocabulary);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("model_type", "marian");
            config.put("is_encoder_decoder", true); // what transformers.js reads to size the empty cache
            config.put("d_model", V);
            config.put("encoder_layers", LAYERS);
            config.put("decoder_layers", LAYERS);
            config.put("encoder_attention_heads", 1);
            config.put("decoder_attention_heads", 1);
            config.put("pad_token_id", id("<pad>"));
            config.put("eos_token_id", 0);
            config.put("decoder_start_token_id", id("<pad>"));
            config.put("vocab_size", V);
            config.put("num_beams", 4);
            config.put("max_length", 64);
            config.put("bad_words_ids", List.of(List.of(id("<pad>"))));
            config.put("max_position_embeddings", positions);
            json.writeValue(folder.resolve("config.json").toFile(), config);
            json.writeValue(
                    folder.resolve("generation_config.json").toFile(),
                    Map.of("num_beams", 2, "max_length", 32, "bad_words_ids", List.of(List.of(id("<pad>")))));
            json.writeValue(
                    folder.resolve("tokenizer_config.json").toFile(),
                    Map.of("source_lang", "en", "target_lang", "de", "model_max_length", 512));
            Files.write(
                    folder.resolve("source.spm"), sentencePiece(List.of(".", "▁dog", "▁A", "▁sleeps", "▁cat", "▁The")));
            Files.write(
                    folder.resolve("target.spm"),
                    sentencePiece(List.of("▁Hund", "▁Ein", "▁schläft", "▁Kater", "▁Katze", "▁Die", ".")));
            byte[] encoder = encoder(positions).toByteArray();
            byte[] decoder = decoder().toByteArray();
            for (String suffix : List.of("", "_quantized")) {
                Files.write(folder.resolve("onnx/encoder_model" + suffix + ".onnx"), encoder);
                Files.write(folder.resolve("onnx/decoder_model_merged" + suffix + ".onnx"), decoder);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the decoder with one that declares float16 states, as a float16 export does (it only passes its
     * input through: a loader must refuse it before running it).
     */
    public static void writeFloat16Decoder(Path folder) {
        GraphProto.Builder graph = GraphProto.newBuilder()
                .setName("decoder_float16")
                .addInput(value("encoder_attention_mask", INT64, "batch_size", "encoder_sequence_length"))
                .addInput(value("input_ids", INT64, "batch_size", "decoder_sequence_length"))
                .addInput(value("encoder_hidden_states", FLOAT16, "batch_size", "encoder_sequence_length", V))
                .addInput(value("past_key_values.0.decoder.key", FLOAT16, "batch_size", 1, "past_length", V))
                .addInput(value("use_cache_branch", BOOL, 1))
                .addOutput(value("logits", FLOAT16, "batch_size", "encoder_sequence_length", V))
                .addNode(node("Identity", List.of("encoder_hidden_states"), List.of("logits")));
        try {
            for (String suffix : List.of("", "_quantized")) {
                Files.write(
                        folder.resolve("onnx/decoder_model_merged" + suffix + ".onnx"),
                        model(graph).toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int id(String piece) {
        return VOCABULARY.indexOf(piece);
    }

    /** A unigram model with identity normalization; ids deliberately differ from the shared vocabulary's. */
    public static byte[] sentencePiece(List<String> pieces) {
        Map<String, Float> scores = new LinkedHashMap<>();
        for (int index = 0; index < pieces.size(); index++) {
            scores.put(pieces.get(index), -1 - index * 0.1f);
        }
        return SentencePieceModels.unigram(scores);
    }

    private static ModelProto encoder(int positions) {
        GraphProto.Builder graph = GraphProto.newBuilder()
                .setName("encoder")
                .addInput(value("input_ids", INT64, "batch_size", "encoder_sequence_length"))
                .addInput(value("attention_mask", INT64, "batch_size", "encoder_sequence_length"))
                .addOutput(value("last_hidden_state", FLOAT, "batch_size", "encoder_sequence_length", V))
                .addInitializer(floatTensor("embedding", identity(), V, V))
                .addInitializer(longTensor("last_axis", new long[] {-1}, 1))
                .addInitializer(floatTensor("position_embedding", new float[positions * V], positions, V))
                .addInitializer(longTensor("index_1", new long[] {1}))
                .addInitializer(longTensor("zero", new long[] {0}))
                .addInitializer(longTensor("one", new long[] {1}))
                .addNode(node("Gather", List.of("embedding", "input_ids"), List.of("token_embedded")))
                .addNode(node("Shape", List.of("input_ids"), List.of("input_shape")))
                .addNode(node("Gather", List.of("input_shape", "index_1"), List.of("input_length")))
                .addNode(node("Range", List.of("zero", "input_length", "one"), List.of("positions")))
                .addNode(node("Gather", List.of("position_embedding", "positions"), List.of("position_embedded")))
                .addNode(node("Add", List.of("token_embedded", "position_embedded"), List.of("embedded")))
                .addNode(node("Cast", List.of("attention_mask"), List.of("mask_float"), intAttribute("to", FLOAT)))
                .addNode(node("Unsqueeze", List.of("mask_float", "last_axis"), List.of("mask_column")))
                .addNode(node("Mul", List.of("embedded", "mask_column"), List.of("last_hidden_state")));
        return model(graph);
    }

    private static ModelProto decoder() {
        GraphProto.Builder graph = GraphProto.newBuilder()
                .setName("decoder_merged")
                .addInput(value("encoder_attention_mask", INT64, "batch_size", "encoder_sequence_length"))
                .addInput(value("input_ids", INT64, "batch_size", "decoder_sequence_length"))
                .addInput(value("encoder_hidden_states", FLOAT, "batch_size", "encoder_sequence_length", V));
        cacheValues("past_key_values", "past_decoder_sequence_length").forEach(graph::addInput);
        graph.addInput(value("use_cache_branch", BOOL, 1));
        graph.addOutput(value("logits", FLOAT, "batch_size", "decoder_sequence_length", V));
        cacheValues("present", "present_decoder_sequence_length").forEach(graph::addOutput);
        graph.addInitializer(floatTensor("embedding", identity(), V, V))
                .addInitializer(floatTensor("word_table", wordTable(), V, V))
                .addInitializer(floatTensor("previous_word", previousWord(), V, V))
                .addInitializer(floatTensor("history_table", historyTable(), V, V))
                .addInitializer(longTensor("axis_2", new long[] {2}, 1))
                .addInitializer(longTensor("axis_1", new long[] {1}, 1))
                .addInitializer(longTensor("index_1", new long[] {1}))
                .addInitializer(longTensor("index_2", new long[] {2}))
                .addInitializer(longTensor("one", new long[] {1}))
                .addInitializer(floatTensor("zero", new float[] {0}));
        graph.addNode(node("Gather", List.of("embedding", "input_ids"), List.of("token_states")))
                .addNode(node("Unsqueeze", List.of("token_states", "axis_1"), List.of("new_cache_entries")));
        for (int layer = 0; layer < LAYERS; layer++) {
            for (String kind : List.of("key", "value")) {
                graph.addNode(node(
                        "Concat",
                        List.of("past_key_values." + layer + ".decoder." + kind, "new_cache_entries"),
                        List.of("present." + layer + ".decoder." + kind),
                        intAttribute("axis", 2)));
            }
        }
        graph.addNode(node("Shape", List.of("past_key_values.0.decoder.key"), List.of("past_shape")))
                .addNode(node("Gather", List.of("past_shape", "index_2"), List.of("past_length")))
                .addNode(node("Shape", List.of("input_ids"), List.of("input_shape")))
                .addNode(node("Gather", List.of("input_shape", "index_1"), List.of("input_length")))
                .addNode(node("Add", List.of("past_length", "input_length"), List.of("end_position")))
                .addNode(node("Range", List.of("past_length", "end_position", "one"), List.of("positions")));
        List<String> ifOutputs = new ArrayList<>(List.of("source_states"));
        GraphProto.Builder withCache = GraphProto.newBuilder()
                .setName("with_cache")
                .addNode(node("Squeeze", List.of("past_key_values.0.encoder.key", "axis_1"), List.of("cached_states")))
                .addOutput(value("cached_states", FLOAT));
        GraphProto.Builder firstStep = GraphProto.newBuilder()
                .setName("first_step")
                .addNode(node("Identity", List.of("encoder_hidden_states"), List.of("first_states")))
                .addOutput(value("first_states", FLOAT));
        for (int layer = 0; layer < LAYERS; layer++) {
            for (String kind : List.of("key", "value")) {
                String name = layer + "_" + kind;
                ifOutputs.add("present." + layer + ".encoder." + kind);
                withCache
                        .addNode(node(
                                "Mul",
                                List.of("past_key_values." + layer + ".encoder." + kind, "zero"),
                                List.of("placeholder_" + name)))
                        .addOutput(value("placeholder_" + name, FLOAT));
                firstStep
                        .addNode(
                                node("Unsqueeze", List.of("encoder_hidden_states", "axis_1"), List.of("cross_" + name)))
                        .addOutput(value("cross_" + name, FLOAT));
            }
        }
        graph.addNode(node(
                "If",
                List.of("use_cache_branch"),
                ifOutputs,
                graphAttribute("then_branch", withCache.build()),
                graphAttribute("else_branch", firstStep.build())));
        graph.addNode(node("Shape", List.of("source_states"), List.of("source_shape")))
                .addNode(node("Gather", List.of("source_shape", "index_1"), List.of("source_length")))
                .addNode(node("Sub", List.of("source_length", "one"), List.of("last_position")))
                .addNode(node("Min", List.of("positions", "last_position"), List.of("read_positions")))
                .addNode(node(
                        "Gather",
                        List.of("source_states", "read_positions"),
                        List.of("aligned_states"),
                        intAttribute("axis", 1)))
                .addNode(node("MatMul", List.of("aligned_states", "word_table"), List.of("from_source")))
                .addNode(node("Gather", List.of("previous_word", "input_ids"), List.of("from_previous")))
                .addNode(node("Add", List.of("from_source", "from_previous"), List.of("without_history")))
                // The self-attention cache holds every token fed so far: its sum is the row's history, and the
                // history table turns it into logits, so a row that reads another row's cache decodes differently.
                .addNode(node(
                        "ReduceSum",
                        List.of("past_key_values.0.decoder.key", "axis_2"),
                        List.of("history"),
                        intAttribute("keepdims", 0)))
                .addNode(node("MatMul", List.of("history", "history_table"), List.of("from_history")))
                .addNode(node("Add", List.of("without_history", "from_history"), List.of("logits")));
        return model(graph);
    }

    /** The key/value cache of every layer, one head of size V: decoder self-attention and cross-attention. */
    private static List<ValueInfoProto> cacheValues(String prefix, String decoderLength) {
        List<ValueInfoProto> values = new ArrayList<>();
        for (int layer = 0; layer < LAYERS; layer++) {
            for (String kind : List.of("key", "value")) {
                values.add(value(prefix + "." + layer + ".decoder." + kind, FLOAT, "batch_size", 1, decoderLength, V));
                values.add(value(
                        prefix + "." + layer + ".encoder." + kind,
                        FLOAT,
                        "batch_size",
                        1,
                        "encoder_sequence_length_out",
                        V));
            }
        }
        return values;
    }

    private static float[] identity() {
        float[] values = new float[V * V];
        for (int index = 0; index < V; index++) {
            values[index * V + index] = 1;
        }
        return values;
    }

    private static float[] wordTable() {
        float[] table = new float[V * V];
        set(table, "▁The", "▁Die", 4);
        set(table, "▁The", "<unk>", 3);
        set(table, "▁cat", "▁Kater", 2.0f);
        set(table, "▁cat", "▁Katze", 1.5f);
        set(table, "▁sleeps", "▁schläft", 3);
        set(table, "▁A", "▁Ein", 4);
        set(table, "▁dog", "<pad>", 6);
        set(table, "▁dog", "▁Hund", 4);
        set(table, ".", ".", 4);
        set(table, "</s>", "</s>", 5);
        set(table, "<unk>", "<unk>", 3);
        return table;
    }

    /**
     * {@code <unk>} anywhere in a row's history makes {@code schläft} unlikely. Beam search on "The cat sleeps."
     * keeps "<unk>" as the second beam after the first step ({@code The → <unk>} scores just below {@code Die}),
     * then moves both beams onto the "Die" row: a decoder that does not reorder the cache lets "Die Katze" read
     * the "<unk>" row's history and loses "Die Katze schläft.".
     */
    private static float[] historyTable() {
        float[] table = new float[V * V];
        set(table, "<unk>", "▁schläft", -10);
        return table;
    }

    private static float[] previousWord() {
        float[] table = new float[V * V];
        set(table, "▁Kater", "▁schläft", -2);
        return table;
    }

    private static void set(float[] table, String from, String to, float value) {
        table[id(from) * V + id(to)] = value;
    }
}

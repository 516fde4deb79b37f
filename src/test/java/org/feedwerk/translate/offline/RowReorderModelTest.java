package org.feedwerk.translate.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedwerk.testing.onnx.OnnxGraph.FLOAT;
import static org.feedwerk.testing.onnx.OnnxGraph.INT64;
import static org.feedwerk.testing.onnx.OnnxGraph.intAttribute;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.feedwerk.testing.onnx.OnnxGraph;
import org.junit.jupiter.api.Test;

/**
 * The small ONNX models beam search runs inside ONNX Runtime are the ones this test writes: moving cache rows
 * ({@code offline/reorder_rows.onnx}, one {@code Gather} on the first axis) and choosing each row's best tokens
 * ({@code offline/beam_choices.onnx}: the last step's logits, banned tokens masked, log-softmax, top-k, and the
 * log-probability of {@code </s>}), and greedy search's best token ({@code offline/greedy_choice.onnx}: the
 * masked argmax, the first of equal maxima). Run with {@code -Dfeedwerk.writeReorderModel=true} to write them again.
 */
class RowReorderModelTest {
    static byte[] model() {
        OnnxGraph g = new OnnxGraph("reorder_rows", "");
        g.input("cache", FLOAT, "rows", "heads", "length", "head_size");
        g.input("order", INT64, "new_rows");
        g.op("Gather", List.of("cache", "order"), List.of("reordered"), intAttribute("axis", 0));
        g.output("reordered", FLOAT, "new_rows", "heads", "length", "head_size");
        return OnnxGraph.model(g.proto()).toByteArray();
    }

    static byte[] beamChoices() {
        OnnxGraph g = new OnnxGraph("beam_choices", "");
        g.input("logits", FLOAT, "rows", "steps", "vocabulary");
        g.input("mask", FLOAT, "vocabulary");
        g.input("k", INT64, 1);
        g.input("end_token", INT64);
        String last = g.op("Gather", List.of("logits", g.scalar(-1L)), intAttribute("axis", 1));
        String logProbabilities =
                g.op("LogSoftmax", List.of(g.op("Add", List.of(last, "mask"))), intAttribute("axis", -1));
        g.op(
                "TopK",
                List.of(logProbabilities, "k"),
                List.of("top_log_probabilities", "top_tokens"),
                intAttribute("axis", -1),
                intAttribute("largest", 1),
                intAttribute("sorted", 1));
        g.op("Gather", List.of(logProbabilities, "end_token"), List.of("end_log_probability"), intAttribute("axis", 1));
        g.output("top_log_probabilities", FLOAT, "rows", "k");
        g.output("top_tokens", INT64, "rows", "k");
        g.output("end_log_probability", FLOAT, "rows");
        return OnnxGraph.model(g.proto()).toByteArray();
    }

    static byte[] greedyChoice() {
        OnnxGraph g = new OnnxGraph("greedy_choice", "");
        g.input("logits", FLOAT, "rows", "steps", "vocabulary");
        g.input("mask", FLOAT, "vocabulary");
        String last = g.op("Gather", List.of("logits", g.scalar(-1L)), intAttribute("axis", 1));
        g.op(
                "ArgMax",
                List.of(g.op("Add", List.of(last, "mask"))),
                List.of("best_token"),
                intAttribute("axis", -1),
                intAttribute("keepdims", 0),
                intAttribute("select_last_index", 0));
        g.output("best_token", INT64, "rows");
        return OnnxGraph.model(g.proto()).toByteArray();
    }

    @Test
    void theShippedModelsAreTheGeneratedOnes() throws Exception {
        check("reorder_rows.onnx", model());
        check("beam_choices.onnx", beamChoices());
        check("greedy_choice.onnx", greedyChoice());
    }

    private void check(String name, byte[] generated) throws Exception {
        if (Boolean.getBoolean("feedwerk.writeReorderModel")) {
            Files.write(Path.of("src/main/resources/offline", name), generated);
        }
        try (InputStream shipped = getClass().getResourceAsStream("/offline/" + name)) {
            assertThat(shipped).as(name).isNotNull();
            assertThat(shipped.readAllBytes()).as(name).isEqualTo(generated);
        }
    }
}

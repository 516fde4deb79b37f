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
 * The ONNX model that moves beam-search cache rows inside ONNX Runtime ({@code offline/reorder_rows.onnx}, one
 * {@code Gather} on the first axis) is the one this test writes: run with {@code -Dfeedwerk.writeReorderModel=true}
 * to write it again after a change.
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

    @Test
    void theShippedModelIsTheGeneratedOne() throws Exception {
        Path resource = Path.of("src/main/resources/offline/reorder_rows.onnx");
        if (Boolean.getBoolean("feedwerk.writeReorderModel")) {
            Files.write(resource, model());
        }
        try (InputStream shipped = getClass().getResourceAsStream("/offline/reorder_rows.onnx")) {
            assertThat(shipped).isNotNull();
            assertThat(shipped.readAllBytes()).isEqualTo(model());
        }
    }
}

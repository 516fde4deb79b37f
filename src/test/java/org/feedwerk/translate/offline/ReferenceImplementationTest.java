package org.feedwerk.translate.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.feedwerk.testing.TinyMarianModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the reference implementation, transformers.js ({@code src/test/node}, pinned in its
 * lockfile; {@code .ci/run} installs it): the same model files and the same input ids must give the same output
 * ids. 200 seeded random sentences over the tiny model's vocabulary, full precision and quantized file names.
 * Greedy only: transformers.js 3.x has no beam search ({@code num_beams > 1} silently decodes greedily), so beam
 * search has no reference to be compared with here.
 */
class ReferenceImplementationTest {
    private static final Path NODE_PROJECT = Path.of("src", "test", "node");
    private static final int SENTENCES = 200;
    private static final int MAX_NEW_TOKENS = 24;

    @TempDir
    Path dir;

    @Test
    void greedyOutputIsIdenticalToTransformersJs() throws Exception {
        assumeReferenceInstalled();
        Path model = TinyMarianModel.write(dir.resolve("tiny"));
        List<long[]> inputs = randomSentences(new Random(20261130));
        for (boolean quantized : new boolean[] {false, true}) {
            List<long[]> reference = reference(model, quantized ? "q8" : "fp32", inputs);
            List<long[]> feedwerk;
            try (MarianTranslator translator = MarianTranslator.load(model, quantized, 1, 1, MAX_NEW_TOKENS + 1)) {
                feedwerk = new ArrayList<>();
                for (long[] input : inputs) {
                    feedwerk.add(translator.generate(List.of(input)).get(0));
                }
            }
            assertThat(reference.stream().filter(ids -> withoutTrailingPad(ids).length >= 3).count())
                    .as("most outputs are real sentences, not an immediate </s>").isGreaterThan(SENTENCES / 2);
            for (int index = 0; index < inputs.size(); index++) {
                assertThat(withoutTrailingPad(feedwerk.get(index)))
                        .as("sentence %d %s (%s)", index, Arrays.toString(inputs.get(index)), quantized ? "q8" : "fp32")
                        .containsExactly(withoutTrailingPad(reference.get(index)));
            }
        }
    }

    /** The source words of the tiny model (and {@code <unk>}), 1–20 of them in any order, then {@code </s>}. */
    private static List<long[]> randomSentences(Random random) {
        List<String> words = List.of("▁The", "▁cat", "▁sleeps", "▁A", "▁dog", ".", "<unk>");
        List<long[]> sentences = new ArrayList<>();
        for (int index = 0; index < SENTENCES; index++) {
            long[] ids = new long[1 + random.nextInt(20) + 1];
            for (int position = 0; position < ids.length - 1; position++) {
                ids[position] = TinyMarianModel.id(words.get(random.nextInt(words.size())));
            }
            ids[ids.length - 1] = TinyMarianModel.id("</s>");
            sentences.add(ids);
        }
        return sentences;
    }

    /** Batch padding and the final {@code </s>} (which Feedwerk's search does not return) removed. */
    private static long[] withoutTrailingPad(long[] ids) {
        int end = ids.length;
        while (end > 0 && ids[end - 1] == TinyMarianModel.id("<pad>")) {
            end--;
        }
        if (end > 0 && ids[end - 1] == TinyMarianModel.id("</s>")) {
            end--;
        }
        return Arrays.copyOf(ids, end);
    }

    private List<long[]> reference(Path model, String dtype, List<long[]> inputs) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (long[] input : inputs) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("ids", input);
            one.put("num_beams", 1);
            one.put("max_new_tokens", MAX_NEW_TOKENS);
            cases.add(one);
        }
        Path request = dir.resolve("request-" + dtype + ".json");
        json.writeValue(request.toFile(), Map.of("model", model.toAbsolutePath().toString(), "dtype", dtype,
                "cases", cases));
        Process node = new ProcessBuilder("node", "generate.mjs", request.toAbsolutePath().toString())
                .directory(NODE_PROJECT.toFile()).redirectError(dir.resolve("node-" + dtype + ".log").toFile()).start();
        byte[] output = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(Files.readString(dir.resolve("node-" + dtype + ".log"))).isZero();
        JsonNode outputs = json.readTree(new String(output, StandardCharsets.UTF_8)).path("outputs");
        List<long[]> result = new ArrayList<>();
        outputs.forEach(ids -> {
            long[] values = new long[ids.size()];
            for (int position = 0; position < values.length; position++) {
                values[position] = ids.get(position).asLong();
            }
            result.add(values);
        });
        assertThat(result).hasSize(inputs.size());
        return result;
    }

    /** CI installs Node and the pinned packages and sets FEEDWERK_TEST_REQUIRE_REFERENCE, so it never skips there. */
    private static void assumeReferenceInstalled() throws IOException {
        boolean installed = Files.isDirectory(NODE_PROJECT.resolve("node_modules/@huggingface/transformers"));
        if (System.getenv("FEEDWERK_TEST_REQUIRE_REFERENCE") != null) {
            assertThat(installed).as("transformers.js installed in " + NODE_PROJECT + " (npm ci)").isTrue();
        }
        assumeTrue(installed, "transformers.js is not installed in " + NODE_PROJECT + " (run npm ci there)");
    }
}

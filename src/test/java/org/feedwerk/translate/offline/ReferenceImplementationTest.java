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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.feedwerk.testing.NewsSentences;
import org.feedwerk.testing.StandInMarianModel;
import org.feedwerk.testing.TinyMarianModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the reference implementation, transformers.js ({@code src/test/node}, pinned in its
 * lockfile; {@code .ci/run} installs it): the same model files and the same input must give the same output ids
 * (and, from text, the same source ids and the same output text). The tiny model with 200 seeded random
 * sentences over its vocabulary; the full-size stand-in (OPUS-MT en-de's shapes) with 200 team-written news
 * sentences, one at a time and (full precision) in padded batches; full precision and quantized files. The
 * reference runs on the ONNX Runtime version Feedwerk runs (onnxruntime-node pinned by an override in
 * {@code package.json}): with transformers.js's own 1.21.0, one int8 sentence in 200 differs at step 17, where a
 * last-bit difference between the two runtimes' int8 kernels moves a quantization step. Greedy only:
 * transformers.js 3.x has no beam search ({@code num_beams > 1} silently decodes greedily), so beam search has
 * no reference to be compared with here.
 */
class ReferenceImplementationTest {
    private static final Path NODE_PROJECT = Path.of("src", "test", "node");
    private static final int SENTENCES = 200;
    private static final int MAX_NEW_TOKENS = 24;
    private static final long TINY_PAD = TinyMarianModel.id("<pad>");
    private static final long TINY_END = TinyMarianModel.id("</s>");
    private static final int STANDIN_MAX_NEW_TOKENS = 24;
    private static final int BATCH = 8;

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
            assertThat(reference.stream()
                            .filter(ids -> withoutTrailingPad(ids, TINY_PAD, TINY_END).length >= 3)
                            .count())
                    .as("most outputs are real sentences, not an immediate </s>")
                    .isGreaterThan(SENTENCES / 2);
            for (int index = 0; index < inputs.size(); index++) {
                assertThat(withoutTrailingPad(feedwerk.get(index), TINY_PAD, TINY_END))
                        .as("sentence %d %s (%s)", index, Arrays.toString(inputs.get(index)), quantized ? "q8" : "fp32")
                        .containsExactly(withoutTrailingPad(reference.get(index), TINY_PAD, TINY_END));
            }
        }
    }

    /**
     * The full-size stand-in from text: Feedwerk's SentencePiece segmentation gives the ids transformers.js's
     * tokenizer gives, generation gives the same ids one sentence at a time and in padded batches of
     * {@value #BATCH}, and the decoded text is the same.
     */
    @Test
    void fullSizeStandInGivesTheSameIdsAndTextAsTransformersJs() throws Exception {
        assumeReferenceInstalled();
        Path model = StandInMarianModel.write(dir.resolve("standin"), StandInMarianModel.Shape.OPUS_MT_EN_DE, 20261130);
        long pad = StandInMarianModel.Shape.OPUS_MT_EN_DE.vocabulary() - 1;
        List<String> sentences = NewsSentences.generate(SENTENCES, 20261130);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (String sentence : sentences) {
            cases.add(Map.of("text", sentence, "num_beams", 1, "max_new_tokens", STANDIN_MAX_NEW_TOKENS));
        }
        for (boolean quantized : new boolean[] {false, true}) {
            String dtype = quantized ? "q8" : "fp32";
            Reference reference = runReference(model, dtype, cases);
            try (MarianTranslator translator =
                    MarianTranslator.load(model, quantized, 2, 1, STANDIN_MAX_NEW_TOKENS + 1)) {
                MarianTokenizer tokenizer = translator.tokenizer();
                List<long[]> inputs = sentences.stream().map(tokenizer::encode).toList();
                for (int index = 0; index < sentences.size(); index++) {
                    assertThat(inputs.get(index))
                            .as("source ids of %s", sentences.get(index))
                            .containsExactly(reference.inputs().get(index));
                    assertThat(inputs.get(index).length)
                            .as("pieces of %s", sentences.get(index))
                            .isGreaterThan(sentences.get(index).split(" ").length)
                            .isLessThan(sentences.get(index).length() * 2 / 3);
                }
                List<long[]> batched = new ArrayList<>();
                for (int from = 0; from < inputs.size(); from += BATCH) {
                    batched.addAll(translator.generate(inputs.subList(from, Math.min(inputs.size(), from + BATCH))));
                }
                for (int index = 0; index < sentences.size(); index++) {
                    long[] expected = withoutTrailingPad(reference.outputs().get(index), pad, 0);
                    long[] alone =
                            translator.generate(List.of(inputs.get(index))).get(0);
                    assertThat(withoutTrailingPad(alone, pad, 0))
                            .as("%s (%s)", sentences.get(index), dtype)
                            .containsExactly(expected);
                    if (!quantized) {
                        // An int8 export quantizes activations with one scale per tensor, i.e. per batch: a
                        // sentence's output depends on its companions (transformers.js's pipeline runs one at a time).
                        assertThat(withoutTrailingPad(batched.get(index), pad, 0))
                                .as("%s in a batch (%s)", sentences.get(index), dtype)
                                .containsExactly(expected);
                    }
                    assertThat(tokenizer.decode(alone))
                            .as("text of %s (%s)", sentences.get(index), dtype)
                            .isEqualTo(reference.texts().get(index));
                }
            }
            assertThat(reference.outputs().stream()
                            .map(Arrays::toString)
                            .distinct()
                            .count())
                    .as("the stand-in's outputs depend on their input")
                    .isGreaterThan(SENTENCES * 8 / 10);
            assertThat(reference.outputs().stream()
                            .filter(ids -> ids.length < STANDIN_MAX_NEW_TOKENS && ids[ids.length - 1] == 0)
                            .count())
                    .as("some outputs end with </s> before the limit")
                    .isGreaterThanOrEqualTo(5);
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
    private static long[] withoutTrailingPad(long[] ids, long pad, long end) {
        int length = ids.length;
        while (length > 0 && ids[length - 1] == pad) {
            length--;
        }
        if (length > 0 && ids[length - 1] == end) {
            length--;
        }
        return Arrays.copyOf(ids, length);
    }

    private List<long[]> reference(Path model, String dtype, List<long[]> inputs) throws Exception {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (long[] input : inputs) {
            cases.add(Map.of("ids", input, "num_beams", 1, "max_new_tokens", MAX_NEW_TOKENS));
        }
        return runReference(model, dtype, cases).outputs();
    }

    /** What transformers.js made of each case: source ids, output ids (after the start token), output text. */
    record Reference(List<long[]> inputs, List<long[]> outputs, List<String> texts) {}

    private Reference runReference(Path model, String dtype, List<Map<String, Object>> cases) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path request = dir.resolve("request-" + dtype + ".json");
        json.writeValue(
                request.toFile(), Map.of("model", model.toAbsolutePath().toString(), "dtype", dtype, "cases", cases));
        Path log = dir.resolve("node-" + dtype + ".log");
        Process node = new ProcessBuilder(
                        "node", "generate.mjs", request.toAbsolutePath().toString())
                .directory(NODE_PROJECT.toFile())
                .redirectError(log.toFile())
                .start();
        byte[] output = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(Files.readString(log)).isZero();
        JsonNode answer = json.readTree(new String(output, StandardCharsets.UTF_8));
        List<String> texts = new ArrayList<>();
        answer.path("texts").forEach(text -> texts.add(text.isNull() ? null : text.asText()));
        Reference reference = new Reference(idLists(answer.path("inputs")), idLists(answer.path("outputs")), texts);
        assertThat(reference.outputs()).hasSize(cases.size());
        return reference;
    }

    private static List<long[]> idLists(JsonNode lists) {
        List<long[]> result = new ArrayList<>();
        lists.forEach(ids -> {
            long[] values = new long[ids.size()];
            for (int position = 0; position < values.length; position++) {
                values[position] = ids.get(position).asLong();
            }
            result.add(values);
        });
        return result;
    }

    /** CI installs Node and the pinned packages and sets FEEDWERK_TEST_REQUIRE_REFERENCE, so it never skips there. */
    private static void assumeReferenceInstalled() throws IOException {
        boolean installed = Files.isDirectory(NODE_PROJECT.resolve("node_modules/@huggingface/transformers"));
        if (System.getenv("FEEDWERK_TEST_REQUIRE_REFERENCE") != null) {
            assertThat(installed)
                    .as("transformers.js installed in " + NODE_PROJECT + " (npm ci)")
                    .isTrue();
        }
        assumeTrue(installed, "transformers.js is not installed in " + NODE_PROJECT + " (run npm ci there)");
    }
}

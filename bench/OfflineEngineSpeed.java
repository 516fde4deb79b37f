import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.feedwerk.config.EngineConfig;
import org.feedwerk.config.ModelsConfig;
import org.feedwerk.config.OnnxEngineConfig;
import org.feedwerk.translate.EngineFactory;
import org.feedwerk.translate.EngineRequest;
import org.feedwerk.translate.Sleeper;
import org.feedwerk.translate.TextFormat;
import org.feedwerk.translate.offline.OnnxEngine;
import org.feedwerk.translate.offline.RuntimeStats;

/**
 * The offline engine against its reference implementation, on the full-size stand-in model (bench/standin-model):
 * the same news sentences (the first lines of the WMT22 English source, read from ../shared/eval, never copied),
 * the same model files, the same number of ONNX Runtime threads, greedy search with the same output limit.
 * Feedwerk translates through its engine (sentence splitting, tokenizing, batching by length, decoding); the
 * reference is transformers.js (src/test/node, npm ci there), one sentence at a time as its translation pipeline
 * does, tokenizing and decoding included. Both run a few sentences untimed first. Prints sentences/s, generated
 * tokens/s, the ratio Feedwerk / transformers.js, and Feedwerk's time outside ONNX Runtime's sessions (its
 * search, tokenizing and copying) as a ratio to the time inside them.
 *
 * Beam search is timed for Feedwerk alone: transformers.js 3.x has no beam search.
 *
 * Run: bench/standin-model /tmp/standin && mvn -q -DskipTests package && \
 *      java -cp "target/feedwerk.jar:target/lib/*" bench/OfflineEngineSpeed.java /tmp/standin \
 *          [THREADS=2] [SENTENCES=100] [MAX_NEW_TOKENS=24] [q8|fp32|both=both] [EVAL_DIR=../shared/eval/wmt22-en-de]
 */
public class OfflineEngineSpeed {
    static final int WARMUP = 5;

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]).toAbsolutePath();
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int maxNewTokens = args.length > 3 ? Integer.parseInt(args[3]) : 24;
        String dtypes = args.length > 4 ? args[4] : "both";
        Path eval = Path.of(args.length > 5 ? args[5] : "../shared/eval/wmt22-en-de");
        List<String> sentences = Files.readAllLines(eval.resolve("generaltest2022.en-de.src.en")).stream()
                .filter(line -> line.length() >= 40 && line.length() <= 200)
                .limit(count)
                .toList();
        System.out.printf(
                "%d sentences (WMT22 en source, 40-200 characters), %d threads, at most %d new tokens%n",
                sentences.size(), threads, maxNewTokens);
        for (boolean quantized : new boolean[] {false, true}) {
            String dtype = quantized ? "q8" : "fp32";
            if (!dtypes.equals("both") && !dtypes.equals(dtype)) {
                continue;
            }
            System.out.printf("%n== %s%n", dtype);
            Measured feedwerk = feedwerk(model, quantized, threads, 1, maxNewTokens, sentences);
            Measured reference = transformersJs(model, dtype, threads, maxNewTokens, sentences);
            report("feedwerk", feedwerk);
            report("transformers.js", reference);
            System.out.printf(
                    "ratio feedwerk / transformers.js (sentences/s): %.2f%n",
                    feedwerk.sentencesPerSecond() / reference.sentencesPerSecond());
            System.out.printf(
                    "feedwerk: %.2f s inside ONNX Runtime, %.2f s around it: total / ORT time %.3f%n",
                    feedwerk.runtimeSeconds(),
                    feedwerk.seconds() - feedwerk.runtimeSeconds(),
                    feedwerk.seconds() / feedwerk.runtimeSeconds());
            Measured beam = feedwerk(model, quantized, threads, 4, maxNewTokens, sentences);
            report("feedwerk beam 4", beam);
            System.out.printf(
                    "feedwerk beam 4: %.2f s inside the model's ORT sessions, %.2f s around them (of which "
                            + "%.2f s beam search's own work in ORT: moving cache rows, choosing tokens): total / ORT time %.3f%n",
                    beam.runtimeSeconds(),
                    beam.seconds() - beam.runtimeSeconds(),
                    beam.reorderSeconds(),
                    beam.seconds() / beam.runtimeSeconds());
        }
    }

    record Measured(int sentences, long tokens, double seconds, double runtimeSeconds, double reorderSeconds) {
        double sentencesPerSecond() {
            return sentences / seconds;
        }
    }

    static void report(String who, Measured measured) {
        System.out.printf(
                "%-16s %7.2f sentences/s %8.1f tokens/s (%d sentences, %d tokens, %.2f s)%n",
                who,
                measured.sentencesPerSecond(),
                measured.tokens() / measured.seconds(),
                measured.sentences(),
                measured.tokens(),
                measured.seconds());
    }

    static Measured feedwerk(
            Path model, boolean quantized, int threads, int beams, int maxNewTokens, List<String> sentences) {
        EngineConfig config = new OnnxEngineConfig(
                "standin", null, model, List.of("en-de"), null, threads, beams, maxNewTokens + 1, quantized);
        try (OnnxEngine engine = (OnnxEngine) new EngineFactory(
                        Map.of(),
                        Clock.systemUTC(),
                        Sleeper.REAL,
                        model,
                        new ModelsConfig(model, null, false),
                        Runnable::run)
                .create(config)) {
            engine.prepare().ifPresent(reason -> {
                throw new IllegalStateException(reason);
            });
            engine.translate(new EngineRequest("en", "de", TextFormat.PLAIN, sentences.subList(0, WARMUP)));
            RuntimeStats before = engine.runtimeStats();
            long start = System.nanoTime();
            // As the translation stage hands an article's texts over: a request of several at a time.
            for (int from = 0; from < sentences.size(); from += 16) {
                engine.translate(new EngineRequest(
                        "en", "de", TextFormat.PLAIN, sentences.subList(from, Math.min(sentences.size(), from + 16))));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            RuntimeStats after = engine.runtimeStats();
            return new Measured(
                    sentences.size(),
                    after.generatedTokens() - before.generatedTokens(),
                    seconds,
                    (after.inRuntime().toNanos() - before.inRuntime().toNanos()) / 1e9,
                    (after.searchInRuntime().toNanos()
                                    - before.searchInRuntime().toNanos())
                            / 1e9);
        }
    }

    static Measured transformersJs(Path model, String dtype, int threads, int maxNewTokens, List<String> sentences)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (String sentence : sentences) {
            cases.add(Map.of("text", sentence, "num_beams", 1, "max_new_tokens", maxNewTokens));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("model", model.toString());
        request.put("dtype", dtype);
        request.put("threads", threads);
        request.put("warmup", WARMUP);
        request.put("cases", cases);
        Path file = Files.createTempFile("feedwerk-speed", ".json");
        json.writeValue(file.toFile(), request);
        Process node = new ProcessBuilder("node", "generate.mjs", file.toString())
                .directory(Path.of("src/test/node").toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] output = node.getInputStream().readAllBytes();
        if (!node.waitFor(30, TimeUnit.MINUTES) || node.exitValue() != 0) {
            throw new IllegalStateException("transformers.js failed (is src/test/node installed? npm ci there)");
        }
        JsonNode answer = json.readTree(new String(output, StandardCharsets.UTF_8));
        long tokens = 0;
        for (JsonNode ids : answer.path("outputs")) {
            // Counted as Feedwerk counts them: without the final </s>.
            tokens += ids.size() - (ids.size() > 0 && ids.get(ids.size() - 1).asLong() == 0 ? 1 : 0);
        }
        return new Measured(sentences.size(), tokens, answer.path("seconds").asDouble(), Double.NaN, Double.NaN);
    }
}

package org.feedwerk.translate.offline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.sentencepiece.SpTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.feedwerk.config.EngineConfig;
import org.feedwerk.config.ModelsConfig;
import org.feedwerk.config.OnnxEngineConfig;
import org.feedwerk.testing.NewsSentences;
import org.feedwerk.testing.StandInMarianModel;
import org.feedwerk.translate.EngineFactory;
import org.feedwerk.translate.EngineRequest;
import org.feedwerk.translate.Sleeper;
import org.feedwerk.translate.TextFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in model generator (the small shape; {@code ReferenceImplementationTest} runs the full size): the
 * export layout, SentencePiece models that read real text in word pieces, and an engine configured as a user
 * would ({@code type: onnx, path: DIR, pairs: [en-de]}) that loads and runs it, full precision and int8.
 */
class StandInModelTest {
    @TempDir
    Path dir;

    @Test
    void writesTheXenovaLayout() {
        Path model = StandInMarianModel.write(dir.resolve("standin"), StandInMarianModel.Shape.SMALL, 3);
        for (String file : List.of(
                "config.json",
                "generation_config.json",
                "tokenizer.json",
                "tokenizer_config.json",
                "source.spm",
                "target.spm",
                "vocab.json",
                "onnx/encoder_model.onnx",
                "onnx/decoder_model_merged.onnx",
                "onnx/encoder_model_quantized.onnx",
                "onnx/decoder_model_merged_quantized.onnx")) {
            assertThat(model.resolve(file)).as(file).isRegularFile();
        }
    }

    @Test
    void sentencePieceModelsReadEnglishAndGermanInWordPieces() throws Exception {
        Path model = StandInMarianModel.write(dir.resolve("standin"), StandInMarianModel.Shape.SMALL, 3);
        String english = "The harbour authority of Saltmere approved a budget of 14 million euros on Sunday.";
        String german = "Die Hafenbehörde von Saltmere genehmigte am Sonntag einen Haushalt von 14 Millionen Euro.";
        for (String[] pair : new String[][] {{"source.spm", english}, {"target.spm", german}}) {
            try (SpTokenizer tokenizer = new SpTokenizer(Files.readAllBytes(model.resolve(pair[0])))) {
                List<String> pieces = tokenizer.tokenize(pair[1]);
                int words = pair[1].split(" ").length;
                assertThat(pieces)
                        .as("%s: %s", pair[0], pieces)
                        .hasSizeBetween(words + 2, pair[1].length() / 2)
                        .doesNotContain("<unk>");
                assertThat(pair[1].replace(" ", "").length() / (double) pieces.size())
                        .as("characters per piece in %s", pieces)
                        .isGreaterThan(2.5);
            }
        }
    }

    @Test
    void anEngineWithThePathLoadsAndTranslatesInBothPrecisions() {
        Path model = StandInMarianModel.write(dir.resolve("standin"), StandInMarianModel.Shape.SMALL, 3);
        for (boolean quantized : new boolean[] {false, true}) {
            EngineConfig config =
                    new OnnxEngineConfig("standin", null, model, List.of("en-de"), null, 1, null, 16, quantized);
            try (OnnxEngine engine = (OnnxEngine) new EngineFactory(
                            Map.of(),
                            Clock.systemUTC(),
                            Sleeper.REAL,
                            dir,
                            new ModelsConfig(dir, null, false),
                            Runnable::run)
                    .create(config)) {
                assertThat(engine.prepare()).isEmpty();
                List<String> texts = engine.translate(new EngineRequest(
                                "en",
                                "de",
                                TextFormat.PLAIN,
                                List.of("Prices rose by 3.5 percent in March.", "Schools stay closed on Friday.")))
                        .texts();
                assertThat(texts).hasSize(2).allSatisfy(text -> assertThat(text).isNotBlank());
                assertThat(texts.get(0)).isNotEqualTo(texts.get(1));
                RuntimeStats stats = engine.runtimeStats();
                assertThat(stats.sentences()).isGreaterThanOrEqualTo(2);
                assertThat(stats.generatedTokens()).isPositive();
                assertThat(stats.inRuntime()).isPositive();
            }
        }
    }

    /**
     * Beam search's candidates chosen in ONNX Runtime (log-softmax and top-k where the logits are) give the
     * translations the same search gives with the candidates computed in Java from copied logits.
     */
    @Test
    void beamCandidatesChosenInTheRuntimeMatchTheOnesComputedInJava() {
        Path folder = StandInMarianModel.write(dir.resolve("standin"), StandInMarianModel.Shape.SMALL, 5);
        MarianConfig config = MarianConfig.read(folder);
        try (MarianTokenizer tokenizer = MarianTokenizer.load(folder, config);
                MarianOnnxModel model = MarianOnnxModel.open(
                        folder.resolve("onnx/encoder_model.onnx"),
                        folder.resolve("onnx/decoder_model_merged.onnx"),
                        1)) {
            List<long[]> inputs = NewsSentences.generate(24, 5).stream()
                    .map(tokenizer::encode)
                    .toList();
            for (int from = 0; from < inputs.size(); from += 6) {
                MarianOnnxModel.EncodedBatch batch = model.encode(inputs.subList(from, from + 6), config.padTokenId());
                List<long[]> inRuntime;
                List<long[]> inJava;
                try (DecoderRun run = new DecoderRun(model, batch, 4)) {
                    inRuntime = BeamSearch.generate(run, config, 4, 20);
                }
                try (DecoderRun run = new DecoderRun(model, batch, 4)) {
                    DecoderSteps javaChoices = new DecoderSteps() {
                        @Override
                        public int rows() {
                            return run.rows();
                        }

                        @Override
                        public float[][] step(long[] tokens, int[] order) {
                            return run.step(tokens, order);
                        }
                    };
                    inJava = BeamSearch.generate(javaChoices, config, 4, 20);
                }
                for (int index = 0; index < inJava.size(); index++) {
                    assertThat(inRuntime.get(index))
                            .as("sentence %d", from + index)
                            .containsExactly(inJava.get(index));
                }
            }
        }
    }

    /** Loading the SentencePiece binding must not send telemetry (DJL's "call home") or probe EC2 metadata. */
    @Test
    void loadingTheTokenizerOptsOutOfTheLibrarysTelemetry() {
        Path folder = StandInMarianModel.write(dir.resolve("standin"), StandInMarianModel.Shape.SMALL, 3);
        try (MarianTokenizer tokenizer = MarianTokenizer.load(folder, MarianConfig.read(folder))) {
            assertThat(tokenizer.encode("Schools stay closed.")).isNotEmpty();
        }
        assertThat(ai.djl.util.Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING")).isEqualToIgnoringCase("true");
    }
}

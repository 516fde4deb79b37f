package org.feedwerk.translate.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedwerk.testing.TinyMarianModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokenization and generation on the tiny model the tests build (see {@link TinyMarianModel} for its weights). */
class MarianTranslatorTest {
    @TempDir
    static Path folder;

    private static MarianTokenizer tokenizer;

    @BeforeAll
    static void writeModel() {
        TinyMarianModel.write(folder);
        tokenizer = MarianTokenizer.load(folder, MarianConfig.read(folder));
    }

    @AfterAll
    static void closeTokenizer() {
        tokenizer.close();
    }

    private static long[] ids(String... pieces) {
        return Arrays.stream(pieces).mapToLong(TinyMarianModel::id).toArray();
    }

    @Test
    void sourcePiecesAreMappedThroughTheSharedVocabularyAndEndWithEos() {
        assertThat(tokenizer.encode("The cat sleeps.")).containsExactly(ids("▁The", "▁cat", "▁sleeps", ".", "</s>"));
        assertThat(tokenizer.encode("  A   dog. ")).containsExactly(ids("▁A", "▁dog", ".", "</s>"));
    }

    @Test
    void unknownWordsBecomeUnk() {
        long[] encoded = tokenizer.encode("The zebra sleeps.");
        assertThat(encoded[0]).isEqualTo(TinyMarianModel.id("▁The"));
        assertThat(encoded).contains(TinyMarianModel.id("<unk>")).endsWith(ids("▁sleeps", ".", "</s>"));
    }

    @Test
    void targetIdsAreJoinedByTheTargetModelWithoutSpecialTokens() {
        assertThat(tokenizer.decode(ids("▁Die", "▁Katze", "<unk>", "▁schläft", ".", "</s>", "<pad>")))
                .isEqualTo("Die Katze schläft.");
    }

    @Test
    void spacesBeforePunctuationAreCleanedUpUnlessTheTokenizerConfigSaysNo(@TempDir Path other) throws IOException {
        // "." as a piece of its own with a word boundary: target.spm joins it as " ."
        TinyMarianModel.write(other);
        Files.writeString(
                other.resolve("vocab.json"),
                Files.readString(other.resolve("vocab.json")).replace("\".\"", "\"▁.\""));
        Files.write(other.resolve("target.spm"), TinyMarianModel.sentencePiece(List.of("▁Hund", "▁Ein", "▁.")));
        long[] ids = ids("▁Ein", "▁Hund", ".");
        try (MarianTokenizer cleaned = MarianTokenizer.load(other, MarianConfig.read(other))) {
            assertThat(cleaned.decode(ids)).isEqualTo("Ein Hund.");
        }
        Files.writeString(other.resolve("tokenizer_config.json"), "{\"clean_up_tokenization_spaces\": false}");
        try (MarianTokenizer kept = MarianTokenizer.load(other, MarianConfig.read(other))) {
            assertThat(kept.decode(ids)).isEqualTo("Ein Hund .");
        }
    }

    @Test
    void generationSettingsComeFromGenerationConfigOverConfig() {
        MarianConfig config = MarianConfig.read(folder);
        assertThat(config.numBeams()).isEqualTo(2);
        assertThat(config.maxLength()).isEqualTo(32);
        assertThat(config.padTokenId()).isEqualTo(TinyMarianModel.id("<pad>"));
        assertThat(config.decoderStartTokenId()).isEqualTo(TinyMarianModel.id("<pad>"));
        assertThat(config.bannedTokenIds()).containsExactly(TinyMarianModel.id("<pad>"));
    }

    @Test
    void greedySearchTakesTheLocallyBestWord() {
        try (MarianTranslator greedy = MarianTranslator.load(folder, true, 1, 1, null)) {
            assertThat(greedy.translate(List.of("The cat sleeps."))).containsExactly("Die Kater schläft.");
        }
    }

    @Test
    void beamSearchFindsTheBetterWholeTranslation() {
        try (MarianTranslator beams = MarianTranslator.load(folder, true, 1, null, null)) {
            assertThat(beams.beams()).as("from generation_config.json").isEqualTo(2);
            assertThat(beams.translate(List.of("The cat sleeps."))).containsExactly("Die Katze schläft.");
        }
        try (MarianTranslator four = MarianTranslator.load(folder, false, 1, 4, null)) {
            assertThat(four.translate(List.of("The cat sleeps."))).containsExactly("Die Katze schläft.");
        }
    }

    @Test
    void sentencesOfDifferentLengthsShareABatchAndKeepTheirOrder() {
        List<String> sentences = List.of("The cat sleeps.", "A dog.", "The cat sleeps. A dog sleeps.", "A cat.");
        try (MarianTranslator beams = MarianTranslator.load(folder, true, 2, null, null);
                MarianTranslator greedy = MarianTranslator.load(folder, true, 2, 1, null)) {
            assertThat(beams.translate(sentences))
                    .containsExactly(
                            "Die Katze schläft.", "Ein Hund.", "Die Katze schläft. Ein Hund schläft.", "Ein Kater.");
            assertThat(greedy.translate(sentences).get(1))
                    .as("<pad> is never generated")
                    .isEqualTo("Ein Hund.");
        }
    }

    @Test
    void maxLengthEndsTheTranslation() {
        try (MarianTranslator shortest = MarianTranslator.load(folder, true, 1, 1, 3);
                MarianTranslator shortBeams = MarianTranslator.load(folder, true, 1, 2, 3)) {
            assertThat(shortest.translate(List.of("The cat sleeps."))).containsExactly("Die");
            assertThat(shortBeams.translate(List.of("The cat sleeps."))).containsExactly("Die");
        }
    }

    @Test
    void aSentenceLongerThanTheModelsPositionsIsTranslatedInParts(@TempDir Path small) throws IOException {
        TinyMarianModel.write(small, 6);
        try (MarianTranslator beams = MarianTranslator.load(small, true, 1, null, null)) {
            // 8 tokens with </s>: cut at the space nearest the middle, each half translated on its own.
            assertThat(beams.translate(List.of("The cat sleeps A dog sleeps.", "A dog.")))
                    .containsExactly("Die Katze schläft Ein Hund schläft.", "Ein Hund.");
        }
    }

    @Test
    void aFolderWithoutTheOnnxFilesIsRefusedByName() throws IOException {
        Files.delete(folder.resolve("onnx/encoder_model.onnx"));
        try {
            assertThatThrownBy(() -> MarianTranslator.load(folder, false, 1, null, null))
                    .isInstanceOf(OfflineModelException.class)
                    .hasMessageContaining("encoder_model.onnx is missing");
        } finally {
            TinyMarianModel.write(folder);
        }
    }

    @Test
    void aMultilingualModelGetsTheTargetLanguageTokenFirst(@TempDir Path multilingual) throws IOException {
        TinyMarianModel.write(multilingual);
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        for (int id = 0; id < TinyMarianModel.VOCABULARY.size(); id++) {
            vocabulary.put(TinyMarianModel.VOCABULARY.get(id), id);
        }
        vocabulary.put(">>deu<<", 15);
        vocabulary.put(">>fra<<", 16);
        vocabulary.put(">>cat<<", 17);
        new ObjectMapper().writeValue(multilingual.resolve("vocab.json").toFile(), vocabulary);
        try (MarianTokenizer multi = MarianTokenizer.load(multilingual, MarianConfig.read(multilingual))) {
            assertThat(multi.encode("The cat sleeps.", "de")).startsWith(15L, TinyMarianModel.id("▁The"));
            assertThat(multi.encode("The cat sleeps.", "fr")[0]).isEqualTo(16L);
            assertThat(multi.encode("The cat sleeps.", "cat")[0])
                    .as("three-letter codes too")
                    .isEqualTo(17L);
            assertThatThrownBy(() -> multi.encode("The cat sleeps.", "es"))
                    .isInstanceOf(OfflineModelException.class)
                    .hasMessageContaining("no target-language token for 'es'")
                    .hasMessageContaining(">>deu<<");
            assertThatThrownBy(() -> multi.encode("The cat sleeps.", null))
                    .hasMessageContaining("needs the target language");
        }
        assertThat(tokenizer.encode("The cat sleeps.", "de"))
                .as("a one-target model ignores the language")
                .isEqualTo(tokenizer.encode("The cat sleeps."));
    }

    @Test
    void aMultilingualModelTranslatesIntoALanguageItHasAndRefusesOneItLacks(@TempDir Path multilingual)
            throws IOException {
        TinyMarianModel.write(multilingual);
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        for (int id = 0; id < TinyMarianModel.VOCABULARY.size(); id++) {
            vocabulary.put(TinyMarianModel.VOCABULARY.get(id), id);
        }
        vocabulary.put(">>deu<<", TinyMarianModel.id("<unk>")); // an id the tiny model's tables know
        new ObjectMapper().writeValue(multilingual.resolve("vocab.json").toFile(), vocabulary);
        try (MarianTranslator translator = MarianTranslator.load(multilingual, false, 1, 1, null)) {
            assertThat(translator.translate(List.of("A dog."), "de")).hasSize(1);
            assertThatThrownBy(() -> translator.translate(List.of("A dog."), "es"))
                    .isInstanceOf(OfflineModelException.class)
                    .hasMessageContaining("no target-language token for 'es'");
        }
    }

    @Test
    void aSeparateTargetVocabularyIsRefusedAtLoad(@TempDir Path separate) throws IOException {
        TinyMarianModel.write(separate);
        Files.writeString(separate.resolve("target_vocab.json"), "{\"</s>\": 0}");
        assertThatThrownBy(() -> MarianTranslator.load(separate, false, 1, null, null))
                .isInstanceOf(OfflineModelException.class)
                .hasMessageContaining("separate target vocabulary (target_vocab.json)");
    }

    @Test
    void aFloat16ExportIsRefusedAtLoad(@TempDir Path half) {
        TinyMarianModel.write(half);
        TinyMarianModel.writeFloat16Decoder(half);
        assertThatThrownBy(() -> MarianTranslator.load(half, false, 1, null, null))
                .isInstanceOf(OfflineModelException.class)
                .hasMessageContaining("computes in float16")
                .hasMessageContaining("only float32 and int8-quantized exports");
    }
}

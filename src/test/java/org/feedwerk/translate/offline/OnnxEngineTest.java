package org.feedwerk.translate.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.feedwerk.models.ModelLayout;
import org.feedwerk.testing.LocalHttpServer;
import org.feedwerk.testing.TestClock;
import org.feedwerk.testing.TinyMarianModel;
import org.feedwerk.translate.EngineRequest;
import org.feedwerk.translate.Glossary;
import org.feedwerk.translate.TextFormat;
import org.feedwerk.translate.TranslationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline engine as the chain sees it: availability, automatic download, sentences, markup tokens. */
class OnnxEngineTest {
    @TempDir
    Path work;

    private final LocalHttpServer hub = new LocalHttpServer();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-29T12:00:00Z"));
    private OnnxEngine engine;

    @AfterEach
    void stop() {
        hub.close();
        if (engine != null) {
            engine.close();
        }
    }

    private OnnxEngine fromFolder(Path folder, Integer beams) {
        engine = new OnnxEngine(
                "offline",
                List.of("en-de"),
                new ModelSource.Folder(folder),
                new OnnxEngine.Settings(true, 1, beams, null),
                Runnable::run,
                clock);
        return engine;
    }

    private OnnxEngine named(Path models, URI baseUrl, boolean autoPull) {
        engine = new OnnxEngine(
                "offline",
                List.of(),
                new ModelSource.Named("opus-mt-en-de", models, baseUrl, autoPull, Clock.systemUTC()),
                new OnnxEngine.Settings(true, 1, null, null),
                Runnable::run,
                clock);
        return engine;
    }

    private static EngineRequest request(String... texts) {
        return new EngineRequest("en", "de", TextFormat.PLAIN, List.of(texts));
    }

    /** Serves the tiny model in hub layout, as huggingface.co/Xenova/opus-mt-en-de/resolve/main/… does. */
    private void serveOnHub(Path model) throws IOException {
        try (Stream<Path> files = Files.walk(model)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = model.relativize(file).toString().replace('\\', '/');
                byte[] content = Files.readAllBytes(file);
                hub.on(
                        "/Xenova/opus-mt-en-de/resolve/main/" + relative,
                        exchange -> LocalHttpServer.send(exchange, 200, "application/octet-stream", content));
            }
        }
    }

    @Test
    void translatesParagraphsSentenceBySentenceAndKeepsTheWhitespace() {
        OnnxEngine offline = fromFolder(TinyMarianModel.write(work.resolve("model")), null);
        assertThat(offline.unavailableReason()).isEmpty();
        assertThat(offline.supports("en", "de")).isTrue();
        assertThat(offline.supports("de", "en")).isFalse();
        var result = offline.translate(request("The cat sleeps.  A dog sleeps.", "A dog."));
        assertThat(result.texts()).containsExactly("Die Katze schläft.  Ein Hund schläft.", "Ein Hund.");
        assertThat(result.billedCharacters())
                .isEqualTo(request("The cat sleeps.  A dog sleeps.", "A dog.").characters());
    }

    @Test
    void markupGoesAroundTheInnerTextsTranslationInTheWholeSentence() {
        OnnxEngine offline = fromFolder(TinyMarianModel.write(work.resolve("model")), 2);
        // Whole sentence "Die Katze schläft." (beam); "sleeps" alone gives "schläft", found in it.
        assertThat(offline.translate(request("The cat ⟦1⟧sleeps⟦/1⟧. ⟦2⟧A dog⟦/2⟧."))
                        .texts())
                .containsExactly("Die Katze ⟦1⟧schläft⟦/1⟧. ⟦2⟧Ein Hund⟦/2⟧.");
    }

    @Test
    void whenTheInnerTranslationIsNotInTheWholeOneTheRunsAreTranslatedInOrder() {
        OnnxEngine offline = fromFolder(TinyMarianModel.write(work.resolve("model")), 2);
        // "The cat" alone gives "Die Kater", which "Die Katze schläft." does not contain; an empty element has no
        // inner text to find.
        assertThat(offline.translate(request("⟦1⟧The cat⟦/1⟧ sleeps. A dog.⟦2/⟧"))
                        .texts())
                .containsExactly("⟦1⟧Die Kater⟦/1⟧ schläft. Ein Hund.⟦2/⟧");
    }

    @Test
    void glossaryTermsAreReplacedBeforeTranslating() {
        OnnxEngine offline = fromFolder(TinyMarianModel.write(work.resolve("model")), 2);
        assertThat(offline.appliesGlossaries()).isTrue();
        // "hound" → "dog" by glossary, which the model then translates; names are kept as they are.
        var glossary = new Glossary(Map.of("hound", "dog"), List.of("The"));
        assertThat(offline.translate(new EngineRequest("en", "de", TextFormat.PLAIN, List.of("A hound."), glossary))
                        .texts())
                .containsExactly("Ein Hund.");
    }

    @Test
    void aMissingModelWithoutAutoPullNamesTheCommandToRun() {
        OnnxEngine offline = named(work.resolve("models"), URI.create("http://127.0.0.1:9"), false);
        assertThat(offline.unavailableReason())
                .get()
                .asString()
                .contains("opus-mt-en-de is not installed")
                .contains("run: ./feedwerk models pull opus-mt-en-de");
        assertThatThrownBy(() -> offline.translate(request("A dog.")))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("models pull opus-mt-en-de");
    }

    @Test
    void aMissingModelIsPulledOnFirstUseAndThenTranslates() throws IOException {
        serveOnHub(TinyMarianModel.write(work.resolve("published")));
        Path models = work.resolve("models");
        OnnxEngine offline = named(models, hub.uri(""), true);
        assertThat(offline.supports("en", "de")).as("pair from the model name").isTrue();
        assertThat(offline.unavailableReason())
                .get()
                .asString()
                .contains("is not installed")
                .contains("downloaded on first use");
        assertThat(hub.requests()).as("asking starts nothing").isEmpty();
        assertThat(offline.prepare()).get().asString().contains("downloading model opus-mt-en-de");
        assertThat(offline.prepare()).isEmpty();
        assertThat(offline.translate(request("The cat sleeps.")).texts()).containsExactly("Die Katze schläft.");
        for (String file : ModelLayout.files(true)) {
            assertThat(models.resolve("Xenova--opus-mt-en-de").resolve(file)).exists();
        }
    }

    @Test
    void aFailedPullMakesTheEngineUnavailableWithOneReasonAndIsRetriedLater() throws IOException {
        Path published = TinyMarianModel.write(work.resolve("published"));
        OnnxEngine offline = named(work.resolve("models"), hub.uri(""), true);
        offline.prepare();
        String reason = offline.prepare().orElseThrow();
        assertThat(reason).contains("could not be downloaded").contains("run: ./feedwerk models pull opus-mt-en-de");
        assertThat(offline.unavailableReason()).contains(reason);

        serveOnHub(published);
        clock.advance(Duration.ofMinutes(61));
        offline.prepare();
        assertThat(offline.prepare()).as("pulled on the retry after an hour").isEmpty();
    }

    @Test
    void aChangedModelFileIsRefusedOnLoad() throws IOException {
        serveOnHub(TinyMarianModel.write(work.resolve("published")));
        Path models = work.resolve("models");
        OnnxEngine first = named(models, hub.uri(""), true);
        first.prepare();
        first.close();
        Files.writeString(models.resolve("Xenova--opus-mt-en-de/vocab.json"), "{}");
        OnnxEngine second = named(models, hub.uri(""), false);
        assertThat(second.prepare()).get().asString().contains("vocab.json does not match its recorded SHA-256");
    }
}

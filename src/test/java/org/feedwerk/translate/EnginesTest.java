package org.feedwerk.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.feedwerk.config.EngineType;
import org.feedwerk.config.HttpEngineConfig;
import org.feedwerk.testing.FakeEngineServers;
import org.feedwerk.testing.LocalHttpServer;
import org.feedwerk.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each engine against a local server that speaks its wire format, including its error answers. */
class EnginesTest {
    private static final String HTML =
            "<strong>Port</strong> authority approves <a href=\"https://w.example/1\">terminal</a>";

    private final FakeEngineServers servers = new FakeEngineServers();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private final EngineFactory factory = new EngineFactory(
            Map.of("DEEPL_AUTH_KEY", "secret:fx", "LIBRE_KEY", "libre-key", "OPENAI_API_KEY", "sk-test"),
            clock,
            waits::add);

    @AfterEach
    void stop() {
        servers.close();
    }

    private URI base() {
        return servers.server().uri("");
    }

    private TranslationEngine deepl() {
        return factory.create(HttpEngineConfig.builder()
                .name("deepl")
                .type(EngineType.DEEPL)
                .apiKeyEnv("DEEPL_AUTH_KEY")
                .url(base())
                .maxAttempts(3)
                .build());
    }

    private TranslationEngine libre() {
        return factory.create(HttpEngineConfig.builder()
                .name("libre")
                .type(EngineType.LIBRETRANSLATE)
                .apiKeyEnv("LIBRE_KEY")
                .url(base())
                .maxAttempts(3)
                .build());
    }

    private TranslationEngine openai() {
        return factory.create(HttpEngineConfig.builder()
                .name("llm")
                .type(EngineType.OPENAI)
                .apiKeyEnv("OPENAI_API_KEY")
                .url(URI.create(base() + "/v1"))
                .model("llama3.1")
                .maxAttempts(2)
                .build());
    }

    private static EngineRequest html(String... texts) {
        return new EngineRequest("en", "de", TextFormat.HTML, List.of(texts));
    }

    @Test
    void deeplSendsTheDocumentedRequestAndReportsBilledCharacters() {
        EngineResult result = deepl().translate(html(HTML, "<em>Second</em> text"));

        assertThat(result.texts())
                .containsExactly(
                        "<strong>PORT</strong> AUTHORITY APPROVES <a href=\"https://w.example/1\">TERMINAL</a>",
                        "<em>SECOND</em> TEXT");
        assertThat(result.billedCharacters())
                .isEqualTo("Port authority approves terminal".length() + "Second text".length());
        Map<String, List<String>> form = servers.deeplForms().get(0);
        assertThat(form.get("text")).containsExactly(HTML, "<em>Second</em> text");
        assertThat(form.get("source_lang")).containsExactly("EN");
        assertThat(form.get("target_lang")).containsExactly("DE");
        assertThat(form.get("tag_handling")).containsExactly("html");
        assertThat(servers.server().requests().get(0).header("Authorization")).isEqualTo("DeepL-Auth-Key secret:fx");
    }

    @Test
    void deeplBatchesWithinItsRequestLimits() {
        String[] texts =
                IntStream.range(0, 120).mapToObj(i -> "Sentence number " + i).toArray(String[]::new);

        EngineResult result = deepl().translate(new EngineRequest("en", "de", TextFormat.PLAIN, List.of(texts)));

        assertThat(result.texts()).hasSize(120).startsWith("SENTENCE NUMBER 0").endsWith("SENTENCE NUMBER 119");
        assertThat(servers.deeplForms()).hasSize(3);
        assertThat(servers.deeplForms().get(0).get("tag_handling")).isNull();
        assertThat(DeeplEngine.batches(List.of("x".repeat(70_000), "y".repeat(70_000))))
                .hasSize(2);
    }

    @Test
    void deeplRetriesBusyAndFailingAnswersWithBackoff() {
        servers.failNext("/v2/translate", 429, 503);

        assertThat(deepl().translate(html("Hello")).texts()).containsExactly("HELLO");
        assertThat(waits).hasSize(2);
        assertThat(waits.get(1)).isGreaterThan(waits.get(0));
    }

    @Test
    void deeplGivesUpAfterItsAttemptsWithATransientError() {
        servers.failNext("/v2/translate", 500, 502, 503);

        assertThatThrownBy(() -> deepl().translate(html("Hello")))
                .isInstanceOfSatisfying(
                        TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.TRANSIENT))
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void deeplQuotaMakesTheEngineUnavailableUntilTheNextDay() {
        TranslationEngine engine = deepl();
        servers.failNext("/v2/translate", 456);

        assertThatThrownBy(() -> engine.translate(html("Hello")))
                .isInstanceOfSatisfying(
                        TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.QUOTA));
        assertThat(engine.unavailableReason())
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("quota exceeded").contains("2026-11-30T00:00:00Z"));
        assertThat(servers.requests()).as("456 is not retried").isEqualTo(1);

        clock.advance(Duration.ofHours(12));
        assertThat(engine.unavailableReason()).isEmpty();
        assertThat(engine.translate(html("Hello")).texts()).containsExactly("HELLO");
    }

    @Test
    void deeplRejectedKeyIsAClearConfigurationError() {
        TranslationEngine engine = deepl();
        servers.failNext("/v2/translate", 403);

        assertThatThrownBy(() -> engine.translate(html("Hello")))
                .isInstanceOfSatisfying(
                        TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.CONFIGURATION))
                .hasMessageContaining("API key was rejected");
        assertThat(engine.unavailableReason())
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("DEEPL_AUTH_KEY").contains("until restart"));
    }

    @Test
    void deeplWithoutKeyIsUnavailableAndPicksTheHostFromTheKey() {
        TranslationEngine withoutKey = new EngineFactory(Map.of(), clock, waits::add)
                .create(HttpEngineConfig.builder()
                        .name("deepl")
                        .type(EngineType.DEEPL)
                        .apiKeyEnv("DEEPL_AUTH_KEY")
                        .build());

        assertThat(withoutKey.unavailableReason()).contains("deepl: environment variable DEEPL_AUTH_KEY is not set");
        assertThat(new DeeplEngine("d", Optional.empty(), Optional.of("k:fx"), "K", null, clock))
                .extracting("baseUri")
                .isEqualTo(DeeplEngine.FREE_API);
        assertThat(new DeeplEngine("d", Optional.empty(), Optional.of("k"), "K", null, clock))
                .extracting("baseUri")
                .isEqualTo(DeeplEngine.PRO_API);
    }

    @Test
    void deeplAppliesTheGlossaryThroughItsOwnGlossariesCreatedOnce() {
        Glossary glossary = new Glossary(Map.of("sovereign wealth fund", "Staatsfonds"), List.of("CNN"));
        TranslationEngine engine = deepl();
        EngineRequest request = new EngineRequest(
                "en", "de", TextFormat.PLAIN, List.of("The sovereign wealth fund invests, CNN says."), glossary);

        EngineResult first = engine.translate(request);
        engine.translate(request);

        assertThat(first.texts()).containsExactly("THE Staatsfonds INVESTS, CNN SAYS.");
        assertThat(servers.glossaryForms()).hasSize(1);
        Map<String, List<String>> created = servers.glossaryForms().get(0);
        assertThat(created.get("entries")).containsExactly("sovereign wealth fund\tStaatsfonds\nCNN\tCNN\n");
        assertThat(created.get("entries_format")).containsExactly("tsv");
        assertThat(created.get("source_lang")).containsExactly("EN");
        assertThat(created.get("target_lang")).containsExactly("DE");
        assertThat(servers.deeplForms())
                .allSatisfy(form -> assertThat(form.get("glossary_id")).containsExactly("gl-0"));
        assertThat(engine.appliesGlossaries()).isTrue();
    }

    @Test
    void libreTranslateSendsAListWithFormatAndKey() {
        EngineResult result = libre().translate(html(HTML));

        assertThat(result.texts())
                .containsExactly(
                        "<strong>PORT</strong> AUTHORITY APPROVES <a href=\"https://w.example/1\">TERMINAL</a>");
        var body = servers.jsonBodies().get(0);
        assertThat(body.get("q").isArray()).isTrue();
        assertThat(body.get("source").asText()).isEqualTo("en");
        assertThat(body.get("target").asText()).isEqualTo("de");
        assertThat(body.get("format").asText()).isEqualTo("html");
        assertThat(body.get("api_key").asText()).isEqualTo("libre-key");
        assertThat(result.billedCharacters()).isEqualTo(HTML.length());
    }

    @Test
    void libreTranslateErrorsAreClassified() {
        servers.failNext("/translate", 400);
        assertThatThrownBy(() -> libre().translate(html("x")))
                .isInstanceOfSatisfying(
                        TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.BAD_OUTPUT));

        TranslationEngine engine = libre();
        servers.failNext("/translate", 403);
        assertThatThrownBy(() -> engine.translate(html("x")))
                .isInstanceOfSatisfying(
                        TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.CONFIGURATION));
        assertThat(engine.unavailableReason()).isPresent();
    }

    @Test
    void libreTranslateLearnsTheServersBatchLimitAndKeepsTheOrder() {
        servers.limitLibreTranslate(3, 5000);
        TranslationEngine engine = libre();
        List<String> texts =
                IntStream.range(0, 8).mapToObj(index -> "text " + index).toList();

        EngineResult result = engine.translate(new EngineRequest("en", "de", TextFormat.PLAIN, texts));

        assertThat(result.texts())
                .containsExactlyElementsOf(texts.stream()
                        .map(text -> text.toUpperCase(Locale.ROOT))
                        .toList());
        assertThat(servers.jsonBodies())
                .extracting(body -> body.get("q").size())
                .containsExactly(8, 3, 3, 2);

        servers.jsonBodies().clear();
        engine.translate(new EngineRequest("en", "de", TextFormat.PLAIN, texts));
        assertThat(servers.jsonBodies())
                .as("the limit is remembered")
                .extracting(body -> body.get("q").size())
                .containsExactly(3, 3, 2);
    }

    @Test
    void libreTranslateTextOverTheCharacterLimitIsBadOutputAndAWholeRequestLimitIsLearnt() {
        servers.limitLibreTranslate(-1, 20);
        assertThatThrownBy(() -> libre().translate(
                                new EngineRequest("en", "de", TextFormat.PLAIN, List.of("short", "ä".repeat(21)))))
                .isInstanceOfSatisfying(
                        TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.BAD_OUTPUT))
                .hasMessageContaining("a text of 21 characters is longer than the server's limit of 20");

        servers.limitLibreTranslateRequestsTo(20);
        servers.jsonBodies().clear();
        List<String> texts = List.of("eight ch", "eight ch", "eight ch", "twelve chars", "x");
        EngineResult result = libre().translate(new EngineRequest("en", "de", TextFormat.PLAIN, texts));
        assertThat(result.texts()).containsExactly("EIGHT CH", "EIGHT CH", "EIGHT CH", "TWELVE CHARS", "X");
        assertThat(servers.jsonBodies())
                .extracting(body -> body.get("q").size())
                .containsExactly(5, 2, 2, 1);
    }

    @Test
    void libreTranslateFloodBanIsTransientNotARejectedKey() {
        servers.banFromLibreTranslate(true);
        TranslationEngine engine = libre();
        assertThatThrownBy(() -> engine.translate(html("x")))
                .isInstanceOfSatisfying(
                        TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.TRANSIENT))
                .hasMessageContaining("banned this address for a while");
        assertThat(engine.unavailableReason()).isEmpty();

        servers.banFromLibreTranslate(false);
        assertThat(engine.translate(html("x")).texts()).containsExactly("X");
    }

    @Test
    void libreTranslateUnderAPathPrefixIsAskedThere() {
        TranslationEngine engine = factory.create(HttpEngineConfig.builder()
                .name("libre")
                .type(EngineType.LIBRETRANSLATE)
                .url(URI.create(base() + "/mt/"))
                .maxAttempts(1)
                .build());
        servers.server().on("/mt/translate", exchange -> {
            byte[] answer = "{\"translatedText\":[\"UNTER PFAD\"]}".getBytes(StandardCharsets.UTF_8);
            LocalHttpServer.send(exchange, 200, "application/json", answer);
        });

        assertThat(engine.translate(html("under path")).texts()).containsExactly("UNTER PFAD");
    }

    @Test
    void openAiAsksForAFaithfulTranslationKeepingMarkup() {
        EngineResult result = openai().translate(html(HTML));

        assertThat(result.texts())
                .containsExactly(
                        "<strong>PORT</strong> AUTHORITY APPROVES <a href=\"https://w.example/1\">TERMINAL</a>");
        assertThat(result.billedCharacters()).isEqualTo(70);
        var body = servers.jsonBodies().get(0);
        assertThat(body.get("model").asText()).isEqualTo("llama3.1");
        String system = body.get("messages").get(0).get("content").asText();
        assertThat(system)
                .contains("from English to German")
                .contains("keep every HTML tag and every attribute")
                .contains("numbers")
                .contains("translation only");
        assertThat(body.get("messages").get(1).get("content").asText()).isEqualTo(HTML);
        assertThat(servers.server().requests().get(0).header("Authorization")).isEqualTo("Bearer sk-test");
    }

    @Test
    void openAiReplyWithBrokenMarkupIsRefusedAndCodeFencesAreRemoved() {
        servers.replyFromLlm(text -> "PORT AUTHORITY APPROVES TERMINAL");
        assertThatThrownBy(() -> openai().translate(html(HTML)))
                .isInstanceOfSatisfying(
                        TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.BAD_OUTPUT))
                .hasMessageContaining("changed the markup");

        servers.replyFromLlm(text -> "```html\n<em>HALLO</em>\n```");
        assertThat(openai().translate(html("<em>Hello</em>")).texts()).containsExactly("<em>HALLO</em>");
    }

    @Test
    void openAiReasoningBlockIsRemovedFromTheTranslation() {
        servers.replyFromLlm(text ->
                "<think>\nThe user wants German. \"Hello\" is \"Hallo\"; keep <em>.\n</think>\n\n" + "<em>HALLO</em>");
        assertThat(openai().translate(html("<em>Hello</em>")).texts()).containsExactly("<em>HALLO</em>");

        servers.replyFromLlm(text -> "<think>The user wants German. Let me think about <em>");
        assertThatThrownBy(() -> openai().translate(html("<em>Hello</em>")))
                .isInstanceOfSatisfying(
                        TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.BAD_OUTPUT))
                .hasMessageContaining("unfinished reasoning");
    }

    @Test
    void openAiAnswerCutOffWithheldOrRefusedIsNoTranslation() {
        servers.replyFromLlm(text -> "<em>HALLO</em> und");
        servers.finishLlmWith("length");
        assertThatThrownBy(() -> openai().translate(html("<em>Hello</em> and goodbye")))
                .isInstanceOfSatisfying(
                        TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.BAD_OUTPUT))
                .hasMessageContaining("cut off at the model's token limit");

        servers.finishLlmWith("content_filter");
        assertThatThrownBy(() -> openai().translate(html("<em>Hello</em> and goodbye")))
                .hasMessageContaining("content filter");

        servers.replyFromLlm(text -> "I can't help with that.");
        servers.finishLlmWith("refusal");
        assertThatThrownBy(() -> openai().translate(html("<em>Hello</em> and goodbye")))
                .isInstanceOfSatisfying(
                        TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.BAD_OUTPUT))
                .hasMessageContaining("refused: I can't help with that.");
    }

    @Test
    void unreachableEngineIsTransient() {
        URI closed = base();
        servers.close();
        TranslationEngine engine = factory.create(HttpEngineConfig.builder()
                .name("libre")
                .type(EngineType.LIBRETRANSLATE)
                .url(closed)
                .maxAttempts(2)
                .build());

        assertThatThrownBy(() -> engine.translate(html("x")))
                .isInstanceOfSatisfying(
                        TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.TRANSIENT))
                .hasMessageContaining("cannot reach");
    }
}

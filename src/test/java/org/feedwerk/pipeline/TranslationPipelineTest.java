package org.feedwerk.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedwerk.app.Application;
import org.feedwerk.article.Article;
import org.feedwerk.article.ArticleQuery;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.config.EngineConfig;
import org.feedwerk.config.EngineType;
import org.feedwerk.config.FeedwerkConfig;
import org.feedwerk.config.HttpEngineConfig;
import org.feedwerk.config.HttpEngineConfigBuilder;
import org.feedwerk.config.ModelsConfig;
import org.feedwerk.config.OnnxEngineConfig;
import org.feedwerk.config.SourceConfig;
import org.feedwerk.config.SourceFormat;
import org.feedwerk.config.TranslationConfig;
import org.feedwerk.testing.FakeEngineServers;
import org.feedwerk.testing.PseudoTranslation;
import org.feedwerk.testing.TestApplications;
import org.feedwerk.testing.TestClock;
import org.feedwerk.testing.TestDatabases;
import org.feedwerk.testing.TestDatabases.Kind;
import org.feedwerk.testing.TinyMarianModel;
import org.feedwerk.translate.Translation;
import org.feedwerk.translate.TranslationStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** From stored revisions to translations through the real worker, store and engines speaking HTTP. */
class TranslationPipelineTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path inbox;

    private final FakeEngineServers engines = new FakeEngineServers();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-29T12:00:00Z"));
    private Application app;
    private TranslationWorker worker;

    static List<Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    @AfterEach
    void stop() {
        engines.close();
        if (app != null) {
            app.close();
        }
    }

    /**
     * The stand-in engines answer in upper-case English, which a detector that knows English rightly rejects as
     * untranslated; so the detector knows German and French only, unless a test is about detection.
     */
    private void open(Kind kind, List<EngineConfig> chain) {
        open(kind, chain, List.of("de", "fr"));
    }

    private void open(Kind kind, List<EngineConfig> chain, List<String> detectLanguages) {
        open(kind, chain, new TranslationConfig(List.of("de"), chain, 1, null, detectLanguages));
    }

    private void open(Kind kind, List<EngineConfig> chain, TranslationConfig translation) {
        open(kind, translation, null);
    }

    private void open(Kind kind, TranslationConfig translation, ModelsConfig models) {
        SourceConfig source = new SourceConfig(
                "wire", null, inbox, SourceFormat.AUTO, "en", Duration.ofMinutes(1), "Wire", null, null, null);
        FeedwerkConfig base = TestApplications.config(dataDir, TestDatabases.fresh(kind), List.of(source));
        FeedwerkConfig config = new FeedwerkConfig(
                base.server(),
                base.dataDir(),
                base.database(),
                base.fetch(),
                base.sources(),
                translation,
                null,
                models,
                null);
        Map<String, String> environment = new HashMap<>(Map.of("DEEPL_AUTH_KEY", "key:fx"));
        if (TestDatabases.password(kind) != null) {
            environment.put("FEEDWERK_DATABASE_PASSWORD", TestDatabases.password(kind));
        }
        app = Application.open(config, environment, clock);
        worker = app.newTranslationWorker();
    }

    /** A DeepL engine on the stand-in server whose key is read from {@code keyVariable}, tried once per article. */
    private HttpEngineConfigBuilder deeplNamed(String name, String keyVariable) {
        return HttpEngineConfig.builder()
                .name(name)
                .type(EngineType.DEEPL)
                .apiKeyEnv(keyVariable)
                .url(engines.server().uri(""))
                .maxAttempts(1);
    }

    private EngineConfig deepl() {
        return deeplNamed("deepl", "DEEPL_AUTH_KEY").maxAttempts(2).build();
    }

    /** A site translating with {@code engine}: "sovereign wealth fund" is "Staatsfonds", "CNN" is never translated. */
    private void openWithGlossaryAndProtectedNames(EngineConfig engine) {
        open(
                Kind.SQLITE,
                List.of(engine),
                new TranslationConfig(
                        List.of("de"),
                        List.of(engine),
                        1,
                        null,
                        List.of("de", "fr"),
                        Map.of("en-de", Map.of("sovereign wealth fund", "Staatsfonds")),
                        List.of("CNN")));
    }

    /** An OpenAI-compatible engine named "llm" on the stand-in server, tried once per article. */
    private HttpEngineConfigBuilder llm() {
        return HttpEngineConfig.builder()
                .name("llm")
                .type(EngineType.OPENAI)
                .url(engines.server().uri("/v1"))
                .model("m")
                .maxAttempts(1);
    }

    private EngineConfig libre() {
        return HttpEngineConfig.builder()
                .name("libre")
                .type(EngineType.LIBRETRANSLATE)
                .url(engines.server().uri(""))
                .maxAttempts(1)
                .build();
    }

    private void deliver(String name, String language, String title, String... paragraphs) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String paragraph : paragraphs) {
            body.append("<p>").append(paragraph).append("</p>");
        }
        Path file = inbox.resolve(name);
        Files.writeString(file, """
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>W</title>
                <link>https://w.example/</link><description>d</description><language>%s</language>
                <item><guid>story-1</guid><title>%s</title><link>https://w.example/story-1</link>
                <description>The teaser.</description><content:encoded><![CDATA[%s]]></content:encoded></item>
                </channel></rss>""".formatted(language, title, body));
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minusSeconds(30)));
        app.ingestOnce(app.config().sources());
    }

    private Article article() {
        return app.articles().listArticles(new ArticleQuery(null, null, 1)).get(0);
    }

    private Translation latestTranslation() {
        List<Translation> all = app.translations().listTranslations(article().id());
        return all.get(all.size() - 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void wireUpdateCostsOnlyTheNewParagraph(Kind kind) throws IOException {
        open(kind, List.of(deepl()));
        deliver(
                "v1.xml",
                "en",
                "Ferry terminal approved",
                "The port authority approved the terminal.",
                "It opens in 2028.",
                "Residents had objected.");

        assertThat(worker.translateNext()).isTrue();

        Translation first = latestTranslation();
        assertThat(article().status()).isEqualTo(ArticleStatus.TRANSLATED);
        assertThat(first.engine()).isEqualTo("deepl");
        assertThat(first.headline()).isEqualTo("FERRY TERMINAL APPROVED");
        assertThat(first.teaser()).isEqualTo("THE TEASER.");
        assertThat(first.bodyHtml())
                .isEqualTo("<p>THE PORT AUTHORITY APPROVED THE TERMINAL.</p><p>IT OPENS IN 2028.</p>"
                        + "<p>RESIDENTS HAD OBJECTED.</p>");
        assertThat(first.charsReused()).isZero();
        long firstSent = first.charsSent();
        assertThat(firstSent).isEqualTo(engines.charactersReceived());

        clock.advance(Duration.ofMinutes(5));
        deliver(
                "v2.xml",
                "en",
                "Ferry terminal approved",
                "The port authority approved the terminal.",
                "It opens in 2028.",
                "Residents had objected.",
                "A bus lane is planned.");
        assertThat(article().currentRevision()).isEqualTo(2);
        assertThat(worker.translateNext()).isTrue();

        Translation second = latestTranslation();
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.charsSent()).isEqualTo("A bus lane is planned.".length());
        assertThat(second.charsReused()).isEqualTo(firstSent);
        assertThat(engines.charactersReceived()).isEqualTo(firstSent + "A bus lane is planned.".length());
        assertThat(second.bodyHtml()).endsWith("<p>A BUS LANE IS PLANNED.</p>");
        assertThat(worker.translateNext()).as("nothing left").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void failingEngineHandsOverToTheNext(Kind kind) throws IOException {
        open(kind, List.of(deepl(), libre()));
        engines.failNext("/v2/translate", 502, 502);
        deliver("v1.xml", "en", "Storm warning", "Gusts of up to 110 km/h.");

        worker.translateNext();

        assertThat(article().status()).isEqualTo(ArticleStatus.TRANSLATED);
        assertThat(latestTranslation().engine()).isEqualTo("libre");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void heldWhenNoEngineCanTranslateAndRetriedLater(Kind kind) throws IOException {
        open(kind, List.of(deepl(), libre()));
        engines.failNext("/v2/translate", 500, 500);
        engines.failNext("/translate", 503);
        deliver("v1.xml", "en", "Storm warning", "Gusts of up to 110 km/h.");

        worker.translateNext();

        Article held = article();
        assertThat(held.status()).isEqualTo(ArticleStatus.HELD);
        assertThat(held.statusReason())
                .contains("en→de")
                .contains("deepl")
                .contains("libre")
                .contains("HTTP 50");
        assertThat(app.translations().listTranslations(held.id()))
                .as("never half-translated")
                .isEmpty();
        assertThat(worker.translateNext()).as("not due yet").isFalse();

        clock.advance(Duration.ofMinutes(2));
        assertThat(worker.translateNext()).isTrue();
        assertThat(article().status()).isEqualTo(ArticleStatus.TRANSLATED);
        assertThat(article().attempts()).isZero();
    }

    @Test
    void numberChangingEngineIsRejectedAndTheNextEnginesTranslationIsPublished() throws IOException {
        EngineConfig llm = llm().build();
        engines.replyFromLlm(text -> PseudoTranslation.html(text).replace("2028", "2029"));
        open(Kind.SQLITE, List.of(llm, libre()));
        deliver(
                "v1.xml",
                "en",
                "Terminal opens in 2028",
                "The port authority approved the terminal.",
                "It opens in 2028.");

        worker.translateNext();

        assertThat(article().status()).isEqualTo(ArticleStatus.TRANSLATED);
        List<Translation> translations =
                app.translations().listTranslations(article().id());
        Translation rejected = translations.stream()
                .filter(t -> t.engine().equals("llm"))
                .findFirst()
                .orElseThrow();
        assertThat(rejected.status()).isEqualTo(TranslationStatus.REJECTED);
        assertThat(rejected.qaReport()).contains("\"check\":\"numbers\"").contains("missing in the translation: 2028");
        Translation published = translations.stream()
                .filter(t -> t.engine().equals("libre"))
                .findFirst()
                .orElseThrow();
        assertThat(published.status()).isEqualTo(TranslationStatus.TRANSLATED);
        assertThat(published.bodyHtml()).contains("2028");
        assertThat(app.translations().countFailedChecks()).isEqualTo(Map.of("llm", Map.of("numbers", 1)));
        assertThat(app.metrics().scrape())
                .contains("feedwerk_qa_failures_total{check=\"numbers\",engine=\"llm\"} 1.0")
                .contains("feedwerk_translations_total{engine=\"llm\",outcome=\"rejected\"} 1.0")
                .contains("feedwerk_translations_total{engine=\"libre\",outcome=\"translated\"} 1.0");
    }

    @Test
    void aRejectedAnswerCountsTowardTheBudgetAndIsNotRemembered() throws IOException {
        EngineConfig llm = llm().dailyCharBudget(1_000L).build();
        engines.replyFromLlm(text -> PseudoTranslation.html(text).replace("2028", "2029"));
        open(Kind.SQLITE, List.of(llm));
        deliver("v1.xml", "en", "Terminal opens in 2028", "It opens in 2028.");

        worker.translateNext();

        assertThat(article().status()).isEqualTo(ArticleStatus.HELD);
        long sent = "Terminal opens in 2028".length() + "The teaser.".length() + "It opens in 2028.".length();
        assertThat(app.translations().charsSentSince("llm", clock.instant().minus(Duration.ofHours(1))))
                .as("paid for, though rejected")
                .isEqualTo(sent);

        engines.replyFromLlm(PseudoTranslation::html); // the engine is fixed
        clock.advance(Duration.ofMinutes(2));
        worker.translateNext();

        assertThat(article().status()).as("not the remembered wrong answer").isEqualTo(ArticleStatus.TRANSLATED);
        assertThat(latestTranslation().bodyHtml()).contains("2028");
        assertThat(app.translations().charsSentSince("llm", clock.instant().minus(Duration.ofHours(1))))
                .isEqualTo(2 * sent);
    }

    @Test
    void heldWithTheQualityReportsWhenEveryEngineFails() throws IOException {
        EngineConfig llm = llm().build();
        engines.replyFromLlm(text -> "Hier ist die Übersetzung: " + PseudoTranslation.html(text));
        open(Kind.SQLITE, List.of(llm));
        deliver("v1.xml", "en", "Storm warning", "Gusts expected.", "Gusts of up to 110 km/h.");

        worker.translateNext();

        assertThat(article().status()).isEqualTo(ArticleStatus.HELD);
        assertThat(article().statusReason())
                .contains("rejected by quality checks")
                .contains("chatter");
    }

    @Test
    void glossaryTermsAndNamesArePutInPlaceAndPartOfTheMemoryKey() throws IOException {
        openWithGlossaryAndProtectedNames(libre());
        deliver(
                "v1.xml",
                "en",
                "Fund invests in port",
                "CNN reports.",
                "The sovereign wealth fund will invest, CNN reported.");

        worker.translateNext();

        Translation translation = latestTranslation();
        assertThat(translation.status()).isEqualTo(TranslationStatus.TRANSLATED);
        assertThat(translation.bodyHtml())
                .isEqualTo("<p>CNN REPORTS.</p><p>THE Staatsfonds WILL INVEST, CNN REPORTED.</p>");
        var sent = engines.jsonBodies().stream()
                .map(body -> body.get("q").toString())
                .toList();
        assertThat(sent).anyMatch(q -> q.contains("The ⟦T1⟧ will invest, ⟦T2⟧ reported."));
    }

    @Test
    void deeplGetsTheGlossaryAsADeeplGlossaryInsteadOfTokens() throws IOException {
        openWithGlossaryAndProtectedNames(deepl());
        deliver("v1.xml", "en", "Fund invests in port", "The sovereign wealth fund will invest, CNN reported.");

        worker.translateNext();

        Translation translation = latestTranslation();
        assertThat(translation.status()).isEqualTo(TranslationStatus.TRANSLATED);
        assertThat(translation.bodyHtml()).isEqualTo("<p>THE Staatsfonds WILL INVEST, CNN REPORTED.</p>");
        assertThat(engines.glossaryForms()).hasSize(1);
        assertThat(engines.deeplForms()).allSatisfy(form -> {
            assertThat(form.get("glossary_id")).isNotEmpty();
            assertThat(String.join(" ", form.get("text"))).doesNotContain("⟦");
        });
    }

    @Test
    void spentDailyBudgetMovesTheChainToTheNextEngineUntilMidnight() throws IOException {
        EngineConfig budgeted =
                deeplNamed("deepl", "DEEPL_AUTH_KEY").dailyCharBudget(30L).build();
        open(Kind.SQLITE, List.of(budgeted, libre()));
        deliver("v1.xml", "en", "Storm warning", "Gusts of up to 110 km/h are expected on Tuesday.");
        worker.translateNext();
        assertThat(latestTranslation().engine()).isEqualTo("deepl");

        deliver(
                "v2.xml",
                "en",
                "Storm warning",
                "Gusts of up to 110 km/h are expected on Tuesday.",
                "Ferries may be cancelled.");
        worker.translateNext();

        assertThat(latestTranslation().engine())
                .as("deepl's 30 characters are spent")
                .isEqualTo("libre");
        assertThat(app.metrics().scrape()).doesNotContain("feedwerk_engine_errors_total{engine=\"deepl\"");

        clock.advance(Duration.ofHours(24));
        deliver(
                "v3.xml",
                "en",
                "Storm warning",
                "Gusts of up to 110 km/h are expected on Tuesday.",
                "Ferries may be cancelled.",
                "Roads may close.");
        worker.translateNext();
        assertThat(latestTranslation().engine())
                .as("a new UTC day, a new budget")
                .isEqualTo("deepl");
    }

    @Test
    void unavailableOrMissingEnginesHoldWithTheReason() throws IOException {
        EngineConfig keyless =
                deeplNamed("pro", "MISSING_KEY").pairs(List.of("en-fr")).build();
        open(Kind.SQLITE, List.of(keyless));
        deliver("v1.xml", "en", "Storm warning", "Gusts of up to 110 km/h.");

        worker.translateNext();

        assertThat(article().statusReason()).isEqualTo("en→de: no configured engine serves this pair");
    }

    @Test
    void claimOfACrashedWorkerExpiresAfterTheLease() throws IOException {
        open(Kind.SQLITE, List.of(deepl()));
        deliver("v1.xml", "en", "Storm warning", "Gusts of up to 110 km/h.");
        assertThat(app.translations().claimNext(clock.instant(), clock.instant().minus(Duration.ofMinutes(10))))
                .isPresent(); // a worker claims it and dies

        assertThat(worker.translateNext()).isFalse();
        assertThat(article().status()).isEqualTo(ArticleStatus.TRANSLATING);

        clock.advance(Duration.ofSeconds(31));
        assertThat(worker.translateNext())
                .as("taken over after the 30-second lease")
                .isTrue();
        assertThat(article().status()).isEqualTo(ArticleStatus.TRANSLATED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aWorkerThatOutlivedItsLeaseCannotFinishTheClaim(Kind kind) throws IOException {
        open(kind, List.of(deepl()));
        deliver("v1.xml", "en", "Storm warning", "Gusts of up to 110 km/h.");
        var slow = app.translations()
                .claimNext(clock.instant(), clock.instant().minusSeconds(30))
                .orElseThrow();

        clock.advance(Duration.ofSeconds(31)); // the slow worker stalls past its lease, another takes over
        var fast = app.translations()
                .claimNext(clock.instant(), clock.instant().minusSeconds(30))
                .orElseThrow();
        assertThat(app.translations().renewClaim(slow, clock.instant()))
                .as("the slow worker's heartbeat fails")
                .isFalse();
        assertThat(app.translations().finishClaim(slow, 1, ArticleStatus.HELD, "stale", clock.instant()))
                .as("fenced out")
                .isFalse();

        assertThat(app.translations().renewClaim(fast, clock.instant())).isTrue();
        clock.advance(Duration.ofSeconds(25));
        assertThat(app.translations().claimNext(clock.instant(), clock.instant().minusSeconds(30)))
                .as("a renewed claim is not taken over")
                .isEmpty();
        assertThat(app.translations().finishClaim(fast, 1, ArticleStatus.TRANSLATED, null, null))
                .isTrue();
        assertThat(article().status()).isEqualTo(ArticleStatus.TRANSLATED);
    }

    @Test
    void newRevisionDuringTranslationIsNotOverwritten() throws IOException {
        open(Kind.SQLITE, List.of(deepl()));
        deliver("v1.xml", "en", "Storm warning", "Gusts of up to 110 km/h.");
        var claimed =
                app.translations().claimNext(clock.instant(), clock.instant()).orElseThrow();
        deliver("v2.xml", "en", "Storm warning", "Gusts of up to 130 km/h.");

        boolean applied = app.translations().finishClaim(claimed, 1, ArticleStatus.TRANSLATED, null, null);

        assertThat(applied).isFalse();
        assertThat(article().status()).isEqualTo(ArticleStatus.FETCHED);
        assertThat(article().currentRevision()).isEqualTo(2);
    }

    @Test
    void articleAlreadyInTheTargetLanguageIsNotSent() throws IOException {
        open(Kind.SQLITE, List.of(deepl()));
        deliver(
                "v1.xml",
                "de",
                "Hafenbehörde genehmigt neues Fährterminal",
                "Die Hafenbehörde hat am Sonntag das neue Fährterminal am Nordkai genehmigt.");

        worker.translateNext();

        Translation original = latestTranslation();
        assertThat(original.engine()).isEqualTo(Translation.ORIGINAL_ENGINE);
        assertThat(original.headline()).isEqualTo("Hafenbehörde genehmigt neues Fährterminal");
        assertThat(engines.requests()).isZero();
    }

    @Test
    void detectorCorrectsAFeedThatDeclaresTheWrongLanguage() throws IOException {
        open(Kind.SQLITE, List.of(deepl()), List.of("en", "de", "fr"));
        deliver(
                "v1.xml",
                "en",
                "Sturmwarnung für die Nordküste am Dienstag",
                "Der Wetterdienst warnt vor Böen von bis zu 110 Kilometern pro Stunde an der gesamten Küste.",
                "Fähren könnten kurzfristig ausfallen, und die Küstenstraßen werden möglicherweise gesperrt.");

        worker.translateNext();

        Translation translation = latestTranslation();
        assertThat(translation.sourceLanguage()).isEqualTo("de");
        assertThat(translation.engine()).isEqualTo(Translation.ORIGINAL_ENGINE);
        assertThat(engines.requests()).isZero();
    }

    @Test
    void workerThreadsTranslateContinuously() throws Exception {
        open(Kind.SQLITE, List.of(deepl()));
        deliver("v1.xml", "en", "Storm warning", "Gusts of up to 110 km/h.");

        worker.start();
        try {
            for (int i = 0; i < 100 && article().status() != ArticleStatus.TRANSLATED; i++) {
                Thread.sleep(50);
            }
        } finally {
            worker.stop(5);
        }
        assertThat(article().status()).isEqualTo(ArticleStatus.TRANSLATED);
    }

    private static EngineConfig offline(String model, Path path) {
        return new OnnxEngineConfig(
                "offline", model, path, path == null ? null : List.of("en-de"), null, 1, null, null, null);
    }

    @Test
    void offlineEngineTranslatesWithNoServiceAtAll() throws IOException {
        Path model = TinyMarianModel.write(dataDir.resolve("tiny-model"));
        open(Kind.SQLITE, List.of(offline(null, model)));
        Path file = inbox.resolve("cat.xml");
        Files.writeString(file, """
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>W</title>
                <link>https://w.example/</link><description>d</description><language>en</language>
                <item><guid>cat-1</guid><title>The cat sleeps.</title><link>https://w.example/cat-1</link>
                <description>A dog.</description><content:encoded><![CDATA[<p>The cat sleeps. A dog sleeps.</p>
                <p>A <b>dog</b>.</p>]]></content:encoded></item></channel></rss>""");
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minusSeconds(30)));
        app.ingestOnce(app.config().sources());

        assertThat(worker.translateNext()).isTrue();

        Translation translation = latestTranslation();
        assertThat(article().status()).as(article().statusReason()).isEqualTo(ArticleStatus.TRANSLATED);
        assertThat(translation.engine()).isEqualTo("offline");
        assertThat(translation.headline()).isEqualTo("Die Katze schläft.");
        assertThat(translation.teaser()).isEqualTo("Ein Hund.");
        assertThat(translation.bodyHtml())
                .isEqualTo("<p>Die Katze schläft. Ein Hund schläft.</p>\n<p>Ein <b>Hund</b>.</p>");
    }

    @Test
    void offlineEngineWithoutItsModelHoldsTheArticleAndNamesTheCommand() throws IOException {
        TranslationConfig translation = new TranslationConfig(
                List.of("de"), List.of(offline("opus-mt-en-de", null)), 1, null, List.of("de", "fr"));
        open(Kind.SQLITE, translation, new ModelsConfig(dataDir.resolve("models"), null, false));
        deliver("v1.xml", "en", "Storm warning", "Gusts of up to 110 km/h.");

        worker.translateNext();

        Article held = article();
        assertThat(held.status()).isEqualTo(ArticleStatus.HELD);
        assertThat(held.statusReason()).contains("offline").contains("run: ./feedwerk models pull opus-mt-en-de");
        assertThat(app.translations().listTranslations(held.id())).isEmpty();
    }
}

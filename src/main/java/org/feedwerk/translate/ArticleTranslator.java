package org.feedwerk.translate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.feedwerk.article.ArticleHtml;
import org.feedwerk.article.Revision;
import org.feedwerk.article.RevisionContent;
import org.feedwerk.html.BodySegments;
import org.feedwerk.html.BodyStructure;
import org.feedwerk.html.MarkupSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates one revision into each target language: the engines serving the pair are tried in chain order,
 * and the first complete, structurally intact translation is stored. Nothing half-translated is ever stored:
 * when no engine succeeds the caller holds the article with the collected reasons.
 */
public final class ArticleTranslator {
    private static final Logger log = LoggerFactory.getLogger(ArticleTranslator.class);
    private static final int DETECTION_SAMPLE = 2000;

    /** Empty {@code problems} means every target language is done. */
    public record Outcome(String sourceLanguage, List<String> problems) {
        public boolean isComplete() {
            return problems.isEmpty();
        }

        public String reason() {
            return String.join(" | ", problems);
        }
    }

    private final EngineChain chain;
    private final TranslationStore store;
    private final LanguageDetector detector;
    private final Set<String> detectableLanguages;
    private final SegmentTranslator segments;
    private final GlossaryBook glossaries;
    private final TranslationReview review;
    private final EngineMonitor monitor;
    private final Clock clock;

    public ArticleTranslator(
            EngineChain chain,
            TranslationStore store,
            LanguageDetector detector,
            Set<String> detectableLanguages,
            Clock clock) {
        this(
                chain,
                store,
                detector,
                detectableLanguages,
                GlossaryBook.EMPTY,
                TranslationReview.NONE,
                EngineMonitor.withoutBudgets(store, clock),
                clock);
    }

    /** With budgets and error bookkeeping per engine. */
    public ArticleTranslator(
            EngineChain chain,
            TranslationStore store,
            LanguageDetector detector,
            Set<String> detectableLanguages,
            GlossaryBook glossaries,
            TranslationReview review,
            EngineMonitor monitor,
            Clock clock) {
        this.monitor = monitor;
        this.glossaries = glossaries;
        this.review = review;
        this.chain = chain;
        this.store = store;
        this.detector = detector;
        this.detectableLanguages = Set.copyOf(detectableLanguages);
        this.segments = new SegmentTranslator(store, clock);
        this.clock = clock;
    }

    public Outcome translate(Revision revision, List<String> targets) {
        RevisionContent content = revision.content();
        Optional<String> source = resolveSourceLanguage(content);
        if (source.isEmpty()) {
            return new Outcome(null, List.of("the article's language is unknown: set `language` on the source"));
        }
        Set<String> done = store.listTranslations(revision.articleId()).stream()
                .filter(translation -> translation.revision() == revision.number())
                .filter(translation -> translation.status() == TranslationStatus.TRANSLATED)
                .map(Translation::language)
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (String target : targets) {
            if (!done.contains(target)) {
                translateInto(revision, source.get(), target).ifPresent(problems::add);
            }
        }
        return new Outcome(source.get(), problems);
    }

    /** Returns the problem when no engine could translate into {@code target}. */
    private Optional<String> translateInto(Revision revision, String source, String target) {
        if (source.equals(target)) {
            store.saveTranslation(original(revision, source));
            return Optional.empty();
        }
        List<TranslationEngine> engines = chain.enginesFor(source, target);
        if (engines.isEmpty()) {
            return Optional.of(source + "→" + target + ": no configured engine serves this pair");
        }
        List<String> failures = new ArrayList<>();
        for (TranslationEngine engine : engines) {
            Optional<String> unavailable = monitor.prepare(engine);
            if (unavailable.isPresent()) {
                failures.add(unavailable.get());
                continue;
            }
            try {
                Glossary glossary = glossaries.forPair(source, target);
                List<TranslationStore.MemoryEntry> fresh = new ArrayList<>();
                TranslationReview.Reviewed reviewed = review.review(
                        revision.content(), translateWith(engine, revision, source, target, glossary, fresh), glossary);
                if (reviewed.blocking()) {
                    store.saveTranslation(
                            reviewed.translation().toBuilder()
                                    .status(TranslationStatus.REJECTED)
                                    .build(),
                            reviewed.failedChecks());
                    throw new TranslationException(
                            TranslationException.Kind.BAD_OUTPUT,
                            engine.name() + ": rejected by quality checks (" + reviewed.summary() + ")");
                }
                fresh.forEach(store::saveSegment); // remembered only now that the translation passed review
                store.saveTranslation(reviewed.translation(), reviewed.failedChecks());
                monitor.succeeded(engine.name());
                return Optional.empty();
            } catch (TranslationException e) {
                log.atWarn()
                        .addKeyValue("article_id", revision.articleId())
                        .addKeyValue("engine", engine.name())
                        .addKeyValue("kind", e.kind())
                        .addKeyValue("reason", e.getMessage())
                        .log("engine failed, trying the next");
                monitor.failed(engine.name(), e);
                failures.add(e.getMessage());
            }
        }
        return Optional.of(source + "→" + target + ": " + String.join("; ", failures));
    }

    private Translation translateWith(
            TranslationEngine engine,
            Revision revision,
            String source,
            String target,
            Glossary glossary,
            List<TranslationStore.MemoryEntry> fresh) {
        RevisionContent content = revision.content();
        List<String> plainTexts = new ArrayList<>();
        plainTexts.add(content.headline());
        if (content.teaser() != null) {
            plainTexts.add(content.teaser());
        }
        BodySegments body = BodySegments.of(content.bodyHtml());
        SegmentTranslator.Result plain =
                segments.translate(engine, source, target, TextFormat.PLAIN, plainTexts, glossary);
        SegmentTranslator.Result html =
                segments.translate(engine, source, target, TextFormat.HTML, body.texts(), glossary);
        fresh.addAll(plain.fresh());
        fresh.addAll(html.fresh());
        String bodyHtml = ArticleHtml.sanitize(body.assemble(html.texts()), null);
        requireSameStructure(engine, content.bodyHtml(), bodyHtml);
        return Translation.builder()
                .articleId(revision.articleId())
                .revision(revision.number())
                .language(target)
                .sourceLanguage(source)
                .engine(engine.name())
                .status(TranslationStatus.TRANSLATED)
                .headline(plain.texts().get(0))
                .teaser(content.teaser() == null ? null : plain.texts().get(1))
                .bodyHtml(bodyHtml)
                .charsSent(plain.charsSent() + html.charsSent())
                .charsReused(plain.charsReused() + html.charsReused())
                .billed(plain.billed() + html.billed())
                .translatedAt(clock.instant())
                .build();
    }

    private static void requireSameStructure(TranslationEngine engine, String sourceHtml, String translatedHtml) {
        if (!BodyStructure.of(sourceHtml).equals(BodyStructure.of(translatedHtml))) {
            throw new TranslationException(
                    TranslationException.Kind.BAD_OUTPUT,
                    engine.name() + ": the translated body lost its block structure");
        }
        MarkupSignature expected = MarkupSignature.of(sourceHtml);
        MarkupSignature actual = MarkupSignature.of(translatedHtml);
        if (!expected.equals(actual)) {
            throw new TranslationException(
                    TranslationException.Kind.BAD_OUTPUT,
                    engine.name() + ": the translated body changed links or markup (" + expected.differenceTo(actual)
                            + ")");
        }
    }

    private Translation original(Revision revision, String language) {
        RevisionContent content = revision.content();
        return Translation.builder()
                .articleId(revision.articleId())
                .revision(revision.number())
                .language(language)
                .sourceLanguage(language)
                .engine(Translation.ORIGINAL_ENGINE)
                .status(TranslationStatus.TRANSLATED)
                .headline(content.headline())
                .teaser(content.teaser())
                .bodyHtml(content.bodyHtml())
                .charsSent(0)
                .charsReused(0)
                .billed(0)
                .translatedAt(clock.instant())
                .build();
    }

    /**
     * The feed's language, unless the detector is confident the text is in another language it knows (a feed
     * that declares "en" for everything, or declares nothing).
     */
    Optional<String> resolveSourceLanguage(RevisionContent content) {
        String declared = content.language();
        if (declared != null && !detectableLanguages.contains(declared)) {
            return Optional.of(declared);
        }
        String sample = (content.headline() + ". " + (content.teaser() == null ? "" : content.teaser() + " ")
                + ArticleHtml.plainText(content.bodyHtml()));
        sample = sample.length() > DETECTION_SAMPLE ? sample.substring(0, DETECTION_SAMPLE) : sample;
        Optional<String> detected = detector.detect(sample);
        if (detected.isPresent() && !detected.get().equals(declared)) {
            log.atInfo()
                    .addKeyValue("declared", declared)
                    .addKeyValue("detected", detected.get())
                    .log("source language refined by detection");
            return detected;
        }
        return Optional.ofNullable(declared);
    }
}

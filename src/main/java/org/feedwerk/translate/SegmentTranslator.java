package org.feedwerk.translate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedwerk.article.ArticleHtml;
import org.feedwerk.html.MarkupSignature;

/**
 * Translates a list of segments with one engine through the translation memory: segments already in the memory
 * are reused, only the rest go to the engine (once each, even if repeated), and their answers are checked before
 * they are remembered. HTML segments travel natively or as placeholders, as the engine requires.
 */
final class SegmentTranslator {
    /**
     * Segments in request order and what it cost; {@code fresh} are the engine's new answers, to be remembered only
     * once the whole translation has passed review (a rejected answer must not be reused on the next try).
     */
    record Result(
            List<String> texts,
            long charsSent,
            long charsReused,
            long billed,
            List<TranslationStore.MemoryEntry> fresh) {}

    private final TranslationStore store;
    private final Clock clock;

    SegmentTranslator(TranslationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Result translate(
            TranslationEngine engine,
            String source,
            String target,
            TextFormat format,
            List<String> texts,
            Glossary glossary) {
        List<String> keys = texts.stream()
                .map(text -> SegmentKey.of(text, source, target, engine.name(), glossary.version(), format))
                .toList();
        Map<String, String> known = new LinkedHashMap<>(store.findSegments(keys));
        Map<String, String> missing = new LinkedHashMap<>();
        long reused = 0;
        for (int index = 0; index < texts.size(); index++) {
            if (known.containsKey(keys.get(index))) {
                reused += billableLength(texts.get(index), format);
            } else {
                missing.putIfAbsent(keys.get(index), texts.get(index));
            }
        }
        long sent = 0;
        long billed = 0;
        List<TranslationStore.MemoryEntry> fresh = new ArrayList<>();
        if (!missing.isEmpty()) {
            List<String> sources = new ArrayList<>(missing.values());
            TermProtection terms = new TermProtection(engine.appliesGlossaries() ? Glossary.EMPTY : glossary);
            long requested = sources.stream()
                    .mapToLong(text -> billableLength(text, format))
                    .sum();
            // Counted toward the engine's daily budget as soon as it answered: paid, whatever review says later.
            EngineResult result = send(
                    engine,
                    source,
                    target,
                    format,
                    sources.stream().map(terms::protect).toList(),
                    glossary,
                    () -> store.recordCharsSent(engine.name(), clock.instant(), requested));
            billed = result.billedCharacters();
            List<String> missingKeys = new ArrayList<>(missing.keySet());
            for (int index = 0; index < sources.size(); index++) {
                String translated = terms.restore(result.texts().get(index));
                known.put(missingKeys.get(index), translated);
                sent += billableLength(sources.get(index), format);
                fresh.add(new TranslationStore.MemoryEntry(
                        missingKeys.get(index),
                        engine.name(),
                        source,
                        target,
                        sources.get(index),
                        translated,
                        clock.instant()));
            }
        }
        List<String> ordered = keys.stream().map(known::get).toList();
        return new Result(ordered, sent, reused, billed, List.copyOf(fresh));
    }

    static EngineResult send(
            TranslationEngine engine, String source, String target, TextFormat format, List<String> sources) {
        return send(engine, source, target, format, sources, Glossary.EMPTY, () -> {});
    }

    /** {@code answered} runs as soon as the engine answered, before its answer is checked. */
    static EngineResult send(
            TranslationEngine engine,
            String source,
            String target,
            TextFormat format,
            List<String> sources,
            Glossary glossary,
            Runnable answered) {
        boolean placeholders = format == TextFormat.HTML && !engine.handlesHtml();
        List<InlinePlaceholders> protectedTexts =
                placeholders ? sources.stream().map(InlinePlaceholders::protect).toList() : List.of();
        List<String> request = placeholders
                ? protectedTexts.stream().map(InlinePlaceholders::text).toList()
                : sources;
        EngineResult result = engine.translate(new EngineRequest(
                source,
                target,
                placeholders ? TextFormat.PLAIN : format,
                request,
                engine.appliesGlossaries() ? glossary : null));
        answered.run();
        if (result.texts().size() != sources.size()) {
            throw new TranslationException(
                    TranslationException.Kind.BAD_OUTPUT,
                    engine.name() + ": sent " + sources.size() + " segments, got "
                            + result.texts().size() + " back");
        }
        List<String> texts = new ArrayList<>(result.texts());
        for (int index = 0; index < texts.size(); index++) {
            if (placeholders) {
                texts.set(index, protectedTexts.get(index).restore(texts.get(index)));
            }
            requireUsable(engine, format, sources.get(index), texts.get(index), index);
        }
        return new EngineResult(texts, result.billedCharacters());
    }

    private static void requireUsable(
            TranslationEngine engine, TextFormat format, String source, String translated, int index) {
        if (translated == null || translated.isBlank()) {
            throw new TranslationException(
                    TranslationException.Kind.BAD_OUTPUT,
                    engine.name() + ": segment " + (index + 1) + " came back empty");
        }
        if (format == TextFormat.HTML) {
            MarkupSignature expected = MarkupSignature.of(source);
            MarkupSignature actual = MarkupSignature.of(translated);
            if (!expected.equals(actual)) {
                throw new TranslationException(
                        TranslationException.Kind.BAD_OUTPUT,
                        engine.name() + ": segment " + (index + 1) + " came back with different markup ("
                                + expected.differenceTo(actual) + ")");
            }
        }
    }

    /** Characters as engines bill them: text only, tags excluded. */
    static long billableLength(String text, TextFormat format) {
        String plain = format == TextFormat.HTML ? ArticleHtml.plainText(text) : text;
        return plain.codePointCount(0, plain.length());
    }
}

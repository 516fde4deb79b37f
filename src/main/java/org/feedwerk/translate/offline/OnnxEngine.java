package org.feedwerk.translate.offline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedwerk.FeedwerkException;
import org.feedwerk.translate.EngineRequest;
import org.feedwerk.translate.EngineResult;
import org.feedwerk.translate.Glossary;
import org.feedwerk.translate.TranslationEngine;
import org.feedwerk.translate.TranslationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline engine: an OPUS-MT (Marian) model run in-process with ONNX Runtime. The model is loaded on first
 * use; a missing model is pulled in the background when allowed, and until then the engine is unavailable with
 * one reason that names the command to run, so the chain moves on and nothing is lost.
 *
 * <p>Texts arrive as plain text with inline markup as tokens ({@code ⟦1⟧…⟦/1⟧}). A Marian model cannot carry
 * such tokens, so a sentence is translated in the runs between them and the tokens are put back in order. Glossary
 * terms are replaced by their required translation before translating (the model copies what it does not know);
 * the terms check afterwards catches the rare case where it does not.
 */
public final class OnnxEngine implements TranslationEngine {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxEngine.class);
    private static final Pattern MARKUP_TOKEN = Pattern.compile("⟦[^⟧]{1,12}⟧");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern MODEL_PAIR = Pattern.compile(".*opus-mt-([a-z]{2,3})-([a-z]{2,3})");
    private static final Duration RETRY_AFTER_FAILED_PULL = Duration.ofHours(1);
    private static final Duration RECHECK_MISSING_MODEL = Duration.ofMinutes(1);

    /** How the engine runs: threads (0 = all cores), beams and maxLength (null = the model's own). */
    public record Settings(boolean quantized, int threads, Integer beams, Integer maxLength) {}

    private final String name;
    private final List<String> pairs;
    private final ModelSource source;
    private final Settings settings;
    private final Executor pullExecutor;
    private final Clock clock;
    private final Object state = new Object();
    private final ReentrantLock running = new ReentrantLock();
    private volatile MarianTranslator translator;
    private String problem;
    private Instant retryAt = Instant.MIN;
    private boolean pulling;

    public OnnxEngine(String name, List<String> pairs, ModelSource source, Settings settings, Executor pullExecutor,
            Clock clock) {
        this.name = name;
        this.pairs = pairs.isEmpty() ? pairFromModelName(source.label()) : List.copyOf(pairs);
        this.source = source;
        this.settings = settings;
        this.pullExecutor = pullExecutor;
        this.clock = clock;
    }

    private static List<String> pairFromModelName(String model) {
        Matcher matcher = MODEL_PAIR.matcher(model);
        if (!matcher.matches()) {
            throw new FeedwerkException("cannot tell the language pair of model " + model + "; set pairs: [xx-yy]");
        }
        return List.of(matcher.group(1) + "-" + matcher.group(2));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean supports(String sourceLanguage, String targetLanguage) {
        return pairs.contains(sourceLanguage + "-" + targetLanguage);
    }

    @Override
    public boolean handlesHtml() {
        return false;
    }

    @Override
    public boolean appliesGlossaries() {
        return true;
    }

    @Override
    public Optional<String> unavailableReason() {
        if (translator != null) {
            return Optional.empty();
        }
        synchronized (state) {
            if (translator != null) {
                return Optional.empty();
            }
            if (pulling) {
                return Optional.of(name + ": downloading model " + source.label() + " (" + source.installHint()
                        + " to do it by hand)");
            }
            if (problem != null && clock.instant().isBefore(retryAt)) {
                return Optional.of(problem);
            }
            Path folder;
            try {
                folder = source.verifiedFolder(settings.quantized());
            } catch (FeedwerkException missing) {
                if (source.canPull()) {
                    startPull();
                    return Optional.of(name + ": downloading model " + source.label());
                }
                return fail(name + ": " + missing.getMessage() + "; " + source.installHint(), RECHECK_MISSING_MODEL);
            }
            try {
                translator = MarianTranslator.load(folder, settings.quantized(), settings.threads(), settings.beams(),
                        settings.maxLength());
                LOG.info("offline engine {} loaded {} ({} beams)", name, folder, translator.beams());
                problem = null;
                return Optional.empty();
            } catch (FeedwerkException broken) {
                return fail(name + ": model " + source.label() + " cannot be loaded: " + broken.getMessage(),
                        RECHECK_MISSING_MODEL);
            }
        }
    }

    private Optional<String> fail(String reason, Duration recheckAfter) {
        problem = reason;
        retryAt = clock.instant().plus(recheckAfter);
        return Optional.of(reason);
    }

    private void startPull() {
        pulling = true;
        LOG.info("offline engine {}: model {} is missing, downloading it", name, source.label());
        pullExecutor.execute(() -> {
            String failure = null;
            try {
                source.pull(settings.quantized());
                LOG.info("offline engine {}: model {} downloaded", name, source.label());
            } catch (RuntimeException e) {
                failure = name + ": model " + source.label() + " is not installed and could not be downloaded ("
                        + e.getMessage() + "); " + source.installHint();
                LOG.warn(failure);
            }
            synchronized (state) {
                pulling = false;
                if (failure != null) {
                    fail(failure, RETRY_AFTER_FAILED_PULL);
                } else {
                    problem = null;
                    retryAt = Instant.MIN;
                }
            }
        });
    }

    @Override
    public EngineResult translate(EngineRequest request) {
        Optional<String> unavailable = unavailableReason();
        if (unavailable.isPresent()) {
            throw new TranslationException(TranslationException.Kind.TRANSIENT, unavailable.get());
        }
        SentenceSplitter splitter = new SentenceSplitter(request.sourceLanguage());
        List<List<Piece>> texts = new ArrayList<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (String text : request.texts()) {
            List<Piece> pieces = pieces(withGlossaryTerms(text, request.glossary()), splitter);
            pieces.stream().filter(Piece::translate).forEach(piece -> units.put(piece.text(), null));
            texts.add(pieces);
        }
        List<String> sources = new ArrayList<>(units.keySet());
        List<String> translated;
        running.lock();
        try {
            translated = translator.translate(sources);
        } catch (OfflineModelException e) {
            throw new TranslationException(TranslationException.Kind.BAD_OUTPUT, name + ": " + e.getMessage(), e);
        } finally {
            running.unlock();
        }
        for (int index = 0; index < sources.size(); index++) {
            units.put(sources.get(index), translated.get(index));
        }
        List<String> results = texts.stream().map(pieces -> {
            StringBuilder joined = new StringBuilder();
            pieces.forEach(piece -> joined.append(piece.translate() ? units.get(piece.text()) : piece.text()));
            return joined.toString();
        }).toList();
        return new EngineResult(results, request.characters());
    }

    /** The engine's glossary support: each term replaced by what must stand in the translation. */
    private static String withGlossaryTerms(String text, Glossary glossary) {
        String result = text;
        for (Map.Entry<String, String> term : glossary.requiredTranslations().entrySet()) {
            result = glossary.patternFor(term.getKey()).matcher(result)
                    .replaceAll(Matcher.quoteReplacement(term.getValue()));
        }
        return result;
    }

    /** Sentences, cut further at markup tokens; whitespace, tokens and runs without letters are kept as they are. */
    private static List<Piece> pieces(String text, SentenceSplitter splitter) {
        List<Piece> pieces = new ArrayList<>();
        for (SentenceSplitter.Part part : splitter.split(text)) {
            if (!part.translate()) {
                pieces.add(new Piece(part.text(), false));
                continue;
            }
            Matcher token = MARKUP_TOKEN.matcher(part.text());
            int start = 0;
            while (token.find()) {
                addRun(part.text().substring(start, token.start()), pieces);
                pieces.add(new Piece(token.group(), false));
                start = token.end();
            }
            addRun(part.text().substring(start), pieces);
        }
        return pieces;
    }

    private static void addRun(String run, List<Piece> pieces) {
        String trimmed = run.strip();
        if (!LETTER.matcher(trimmed).find()) {
            if (!run.isEmpty()) {
                pieces.add(new Piece(run, false));
            }
            return;
        }
        int leading = run.indexOf(trimmed);
        pieces.add(new Piece(run.substring(0, leading), false));
        pieces.add(new Piece(trimmed, true));
        pieces.add(new Piece(run.substring(leading + trimmed.length()), false));
    }

    /** Closes the ONNX Runtime sessions. */
    public void close() {
        MarianTranslator loaded = translator;
        translator = null;
        if (loaded != null) {
            loaded.close();
        }
    }

    private record Piece(String text, boolean translate) {}
}

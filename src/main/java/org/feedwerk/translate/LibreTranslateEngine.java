package org.feedwerk.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LibreTranslate: {@code POST /translate} with {@code q} as a list, {@code source}, {@code target},
 * {@code format=html|text} and an optional {@code api_key}. LibreTranslate does not bill, so the characters sent
 * are reported. A rejected key (403) makes the engine unavailable until restart.
 *
 * <p>Public and shared servers run with limits ({@code --batch-limit}, {@code --char-limit}) that they only reveal
 * by refusing a request: "Invalid request: request (40) exceeds text limit (32)". The engine learns them from that
 * answer and sends smaller requests from then on; a single text over the character limit is bad output, for the
 * next engine in the chain. A server's temporary ban after too many requests (403 "Too many request limits
 * violations") is a transient failure, not a rejected key.
 */
public final class LibreTranslateEngine extends HttpEngine {
    private static final Pattern LIMIT_EXCEEDED =
            Pattern.compile("(?i)request \\((\\d+)\\) exceeds (text|character) limit \\((\\d+)\\)");

    private volatile int textsPerRequest = Integer.MAX_VALUE;
    private volatile int charactersPerRequest = Integer.MAX_VALUE;

    LibreTranslateEngine(
            String name, URI baseUri, Optional<String> key, String keyVariable, EngineHttp http, Clock clock) {
        super(name, baseUri, key, keyVariable, http, clock);
    }

    @Override
    public boolean supports(String sourceLanguage, String targetLanguage) {
        return true; // the server knows; restrict with `pairs` in the configuration
    }

    @Override
    public EngineResult translate(EngineRequest request) {
        List<String> texts = request.texts();
        List<String> translated = new ArrayList<>(texts.size());
        while (translated.size() < texts.size()) {
            List<String> batch = nextBatch(texts.subList(translated.size(), texts.size()));
            try {
                translated.addAll(send(request, batch));
            } catch (EngineHttpError error) {
                learnLimitOrThrow(error, batch);
            }
        }
        return new EngineResult(translated, request.characters());
    }

    private List<String> send(EngineRequest request, List<String> texts) {
        ObjectNode body = json().createObjectNode();
        texts.forEach(body.putArray("q")::add);
        body.put("source", request.sourceLanguage());
        body.put("target", request.targetLanguage());
        body.put("format", request.format() == TextFormat.HTML ? "html" : "text");
        key.ifPresent(value -> body.put("api_key", value));
        JsonNode answer = postForJson(endpoint("/translate"), "application/json", body.toString(), Map.of());
        return parse(answer.path("translatedText"), texts.size());
    }

    /** The longest run of texts from the start that stays within the limits learnt so far (at least one text). */
    private List<String> nextBatch(List<String> remaining) {
        int count = 0;
        long characters = 0;
        while (count < remaining.size() && count < textsPerRequest) {
            characters += characters(remaining.get(count));
            if (count > 0 && characters > charactersPerRequest) {
                break;
            }
            count++;
        }
        return remaining.subList(0, count);
    }

    /**
     * Reads a limit from the server's refusal and remembers it, so that the caller's next batch respects it; any
     * other refusal, and a single text over the limit, is thrown.
     */
    private void learnLimitOrThrow(EngineHttpError error, List<String> batch) {
        Matcher limit = LIMIT_EXCEEDED.matcher(error.answer());
        if (error.status() != 400 || !limit.find()) {
            throw error;
        }
        long size = Long.parseLong(limit.group(1));
        int allowed = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(limit.group(3)));
        boolean countsTexts = limit.group(2).equalsIgnoreCase("text");
        if (countsTexts && size == batch.size() && allowed >= 1 && allowed < batch.size()) {
            textsPerRequest = allowed;
            return;
        }
        long longest =
                batch.stream().mapToLong(LibreTranslateEngine::characters).max().orElse(0);
        if (longest > allowed) {
            throw new TranslationException(
                    TranslationException.Kind.BAD_OUTPUT,
                    name + ": a text of " + longest + " characters is longer than the server's limit of " + allowed
                            + " (LibreTranslate --char-limit)",
                    error);
        }
        if (!countsTexts && batch.size() > 1 && allowed < charactersPerRequest) {
            charactersPerRequest = allowed; // an older server counts the characters of the whole request
            return;
        }
        throw error;
    }

    private static long characters(String text) {
        return text.codePointCount(0, text.length());
    }

    @Override
    protected TranslationException reclassified(EngineHttpError error) {
        if (error.status() == 403 && error.answer().contains("Too many request limits violations")) {
            return new TranslationException(
                    TranslationException.Kind.TRANSIENT,
                    name + ": the server has banned this address for a while after too many requests ("
                            + error.getMessage() + ")",
                    error);
        }
        return error;
    }

    private List<String> parse(JsonNode translated, int expected) {
        List<String> texts = new ArrayList<>();
        if (translated.isArray()) {
            translated.forEach(text -> texts.add(text.asText()));
        } else if (translated.isTextual()) {
            texts.add(translated.asText());
        }
        if (texts.size() != expected) {
            throw badOutput("expected " + expected + " translations, got " + texts.size());
        }
        return texts;
    }
}

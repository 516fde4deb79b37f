package org.feedwerk.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LibreTranslate: {@code POST /translate} with {@code q} as a list, {@code source}, {@code target},
 * {@code format=html|text} and an optional {@code api_key}. LibreTranslate does not bill, so the characters sent
 * are reported. A rejected key (403) makes the engine unavailable until restart.
 */
public final class LibreTranslateEngine extends HttpEngine {
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
        ObjectNode body = json().createObjectNode();
        request.texts().forEach(body.putArray("q")::add);
        body.put("source", request.sourceLanguage());
        body.put("target", request.targetLanguage());
        body.put("format", request.format() == TextFormat.HTML ? "html" : "text");
        key.ifPresent(value -> body.put("api_key", value));
        JsonNode answer = postForJson(baseUri.resolve("/translate"), "application/json", body.toString(), Map.of());
        return new EngineResult(
                parse(answer.path("translatedText"), request.texts().size()), request.characters());
    }

    private List<String> parse(JsonNode translated, int expected) {
        List<String> texts = new ArrayList<>();
        if (translated.isArray()) {
            translated.forEach(text -> texts.add(text.asText()));
        } else if (translated.isTextual()) {
            texts.add(translated.asText());
        }
        if (texts.size() != expected) {
            throw new TranslationException(
                    TranslationException.Kind.BAD_OUTPUT,
                    name + ": expected " + expected + " translations, got " + texts.size());
        }
        return texts;
    }
}

package org.feedwerk.translate;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DeepL API v2: {@code POST /v2/translate}, form-encoded, {@code Authorization: DeepL-Auth-Key}, HTML kept with
 * {@code tag_handling=html}, billed characters reported per text. Requests are batched within DeepL's limits
 * (50 texts, 128 KiB). A used-up quota (456) makes the engine unavailable until the next UTC day; a rejected key
 * (403) until restart.
 */
public final class DeeplEngine extends HttpEngine {
    static final URI FREE_API = URI.create("https://api-free.deepl.com");
    static final URI PRO_API = URI.create("https://api.deepl.com");
    private static final int MAX_TEXTS = 50;
    private static final int MAX_REQUEST_BYTES = 120 * 1024; // below DeepL's 128 KiB, leaving room for parameters
    private static final Set<String> SOURCES = Set.of(
            "ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hu", "id", "it", "ja", "ko", "lt",
            "lv", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv", "th", "tr", "uk", "vi", "zh");

    private final Map<String, String> glossaryIds = new ConcurrentHashMap<>();

    /** A key is always required; {@code keyVariable} names where it comes from. */
    DeeplEngine(
            String name, Optional<URI> url, Optional<String> key, String keyVariable, EngineHttp http, Clock clock) {
        super(
                name,
                url.orElse(key.filter(value -> value.endsWith(":fx")).isPresent() ? FREE_API : PRO_API),
                key,
                keyVariable,
                http,
                clock);
    }

    @Override
    public boolean supports(String sourceLanguage, String targetLanguage) {
        return SOURCES.contains(sourceLanguage) && SOURCES.contains(targetLanguage);
    }

    @Override
    public boolean appliesGlossaries() {
        return true;
    }

    @Override
    public EngineResult translate(EngineRequest request) {
        availability.require();
        List<String> translated = new ArrayList<>(request.texts().size());
        long billed = 0;
        for (List<String> batch : batches(request.texts())) {
            JsonNode answer = send(request, batch);
            JsonNode translations = answer.path("translations");
            if (!translations.isArray() || translations.size() != batch.size()) {
                throw badOutput("expected " + batch.size() + " translations, got " + translations.size());
            }
            for (JsonNode translation : translations) {
                translated.add(translation.path("text").asText());
                billed += translation.has("billed_characters")
                        ? translation.get("billed_characters").asLong()
                        : translation.path("text").asText().length();
            }
        }
        return new EngineResult(translated, billed);
    }

    private JsonNode send(EngineRequest request, List<String> texts) {
        StringBuilder form = new StringBuilder();
        for (String text : texts) {
            append(form, "text", text);
        }
        append(form, "source_lang", LanguageCodes.deeplSource(request.sourceLanguage()));
        append(form, "target_lang", LanguageCodes.deeplTarget(request.targetLanguage()));
        append(form, "show_billed_characters", "1");
        if (!request.glossary().isEmpty()) {
            append(form, "glossary_id", glossaryId(request));
        }
        if (request.format() == TextFormat.HTML) {
            append(form, "tag_handling", "html");
        }
        return postForJson(
                endpoint("/v2/translate"), "application/x-www-form-urlencoded", form.toString(), authorization());
    }

    private Map<String, String> authorization() {
        return Map.of("Authorization", "DeepL-Auth-Key " + key.orElseThrow());
    }

    /**
     * The id of a DeepL glossary with the request's terms, created once per glossary version and language pair
     * (DeepL glossaries are immutable, so a changed glossary is a new one).
     */
    private String glossaryId(EngineRequest request) {
        String id = request.sourceLanguage() + "-" + request.targetLanguage() + "-"
                + request.glossary().version();
        return glossaryIds.computeIfAbsent(id, unused -> createGlossary(request, id));
    }

    private String createGlossary(EngineRequest request, String glossaryName) {
        StringBuilder entries = new StringBuilder();
        request.glossary()
                .requiredTranslations()
                .forEach((term, translation) -> entries.append(term.replace('\t', ' '))
                        .append('\t')
                        .append(translation.replace('\t', ' '))
                        .append('\n'));
        StringBuilder form = new StringBuilder();
        append(form, "name", "feedwerk-" + glossaryName);
        append(form, "source_lang", LanguageCodes.deeplSource(request.sourceLanguage()));
        append(form, "target_lang", LanguageCodes.deeplSource(request.targetLanguage()));
        append(form, "entries", entries.toString());
        append(form, "entries_format", "tsv");
        String id = postForJson(
                        endpoint("/v2/glossaries"),
                        "application/x-www-form-urlencoded",
                        form.toString(),
                        authorization())
                .path("glossary_id")
                .asText("");
        if (id.isEmpty()) {
            throw badOutput("no glossary_id in answer");
        }
        return id;
    }

    private static void append(StringBuilder form, String field, String value) {
        if (form.length() > 0) {
            form.append('&');
        }
        form.append(field).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** Splits texts into requests of at most 50 texts and about 120 KiB each. */
    static List<List<String>> batches(List<String> texts) {
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int bytes = 0;
        for (String text : texts) {
            int size = URLEncoder.encode(text, StandardCharsets.UTF_8).length() + 6;
            if (!current.isEmpty() && (current.size() == MAX_TEXTS || bytes + size > MAX_REQUEST_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(text);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}

package org.feedwerk.translate;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;

/**
 * Apertium's HTTP service, APy: {@code POST /translate} with {@code q}, {@code langpair=eng|spa},
 * {@code format=html|txt} and {@code markUnknown=no}, one text per request; the pairs it has installed come from
 * {@code /listPairs}. Feedwerk's language tags map to Apertium's codes: the ISO 639-3 code of the language, then
 * its variant ({@code ca-valencia} → {@code cat_valencia}). Apertium is rule-based and local: it does not bill, so
 * the characters sent are reported.
 */
public final class ApertiumEngine extends HttpEngine {
    public static final URI DEFAULT_URL = URI.create("http://localhost:2737");
    /** The installed pairs are asked for again after this long (an operator may install a pair). */
    private static final Duration PAIRS_VALID = Duration.ofMinutes(10);

    private final Clock clock;
    private volatile Set<String> pairs;
    private volatile Instant pairsRead = Instant.MIN;
    private volatile String pairsProblem;

    ApertiumEngine(String name, URI baseUri, EngineHttp http, Clock clock) {
        super(name, baseUri, Optional.empty(), null, http, clock);
        this.clock = clock;
    }

    /** Apertium's code for a Feedwerk language tag: {@code es} → {@code spa}, {@code ca-valencia} → {@code cat_valencia}. */
    static String code(String language) {
        String[] parts = language.split("-", 2);
        String primary;
        try {
            primary = parts[0].length() == 3
                    ? parts[0]
                    : Locale.forLanguageTag(parts[0]).getISO3Language();
        } catch (MissingResourceException e) {
            primary = parts[0];
        }
        return parts.length == 1 ? primary : primary + "_" + parts[1].replace('-', '_');
    }

    /** Side-effect free: until the pairs have been read, every pair might be there. */
    @Override
    public boolean supports(String sourceLanguage, String targetLanguage) {
        Set<String> known = pairs;
        return known == null || known.contains(code(sourceLanguage) + "|" + code(targetLanguage));
    }

    @Override
    public Optional<String> unavailableReason() {
        return super.unavailableReason().or(() -> Optional.ofNullable(pairsProblem));
    }

    /** Reads the installed pairs when they are unknown or old; a service that does not answer is unavailable. */
    @Override
    public Optional<String> prepare() {
        if (pairs == null || clock.instant().isAfter(pairsRead.plus(PAIRS_VALID))) {
            readPairs();
        }
        return unavailableReason();
    }

    private void readPairs() {
        try {
            JsonNode answer = postForJson(endpoint("/listPairs"), "application/x-www-form-urlencoded", "", Map.of());
            Set<String> read = new HashSet<>();
            answer.path("responseData")
                    .forEach(pair -> read.add(pair.path("sourceLanguage").asText() + "|"
                            + pair.path("targetLanguage").asText()));
            if (read.isEmpty()) {
                pairsProblem = name + ": " + baseUri + " lists no installed pairs";
            } else {
                pairsProblem = null;
            }
            pairs = Set.copyOf(read);
            pairsRead = clock.instant();
        } catch (TranslationException e) {
            pairsProblem = name + ": cannot list the installed pairs: " + e.getMessage();
            pairsRead = clock.instant();
        }
    }

    @Override
    public EngineResult translate(EngineRequest request) {
        String pair = code(request.sourceLanguage()) + "|" + code(request.targetLanguage());
        if (!supports(request.sourceLanguage(), request.targetLanguage())) {
            throw new TranslationException(
                    TranslationException.Kind.CONFIGURATION,
                    name + ": the pair " + pair + " is not installed at " + baseUri);
        }
        List<String> translated = new ArrayList<>(request.texts().size());
        for (String text : request.texts()) {
            String body = "q=" + encode(text) + "&langpair=" + encode(pair) + "&format="
                    + (request.format() == TextFormat.HTML ? "html" : "txt") + "&markUnknown=no";
            JsonNode answer = postForJson(endpoint("/translate"), "application/x-www-form-urlencoded", body, Map.of());
            JsonNode result = answer.path("responseData").path("translatedText");
            if (!result.isTextual() || answer.path("responseStatus").asInt(200) != 200) {
                throw badOutput("no translatedText in the answer ("
                        + answer.path("responseDetails").asText("no details") + ")");
            }
            translated.add(result.asText());
        }
        return new EngineResult(translated, request.characters());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package org.feedwerk.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the HTTP engines share: name, base URL, key, availability, and a POST whose quota and configuration
 * failures take the engine out of the chain. Each engine adds its wire format.
 */
abstract class HttpEngine implements TranslationEngine {
    protected final String name;
    protected final URI baseUri;
    protected final Optional<String> key;
    protected final EngineAvailability availability;
    private final EngineHttp http;
    private final ObjectMapper json = new ObjectMapper();

    /** @param keyVariable the environment variable of the key, or null when the engine needs none */
    HttpEngine(String name, URI baseUri, Optional<String> key, String keyVariable, EngineHttp http, Clock clock) {
        this.name = name;
        this.baseUri = baseUri;
        this.key = key.filter(value -> !value.isBlank());
        this.http = http;
        this.availability = new EngineAvailability(name, keyVariable, keyVariable != null && this.key.isEmpty(), clock);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean handlesHtml() {
        return true;
    }

    @Override
    public Optional<String> unavailableReason() {
        return availability.reason();
    }

    /** POSTs and parses the JSON answer. */
    protected JsonNode postForJson(URI uri, String contentType, String body, Map<String, String> headers) {
        String answer;
        try {
            answer = http.post(uri, contentType, body, headers);
        } catch (EngineHttpError e) {
            TranslationException failure = reclassified(e);
            availability.record(failure);
            throw failure;
        } catch (TranslationException e) {
            availability.record(e);
            throw e;
        }
        try {
            return json.readTree(answer);
        } catch (IOException e) {
            throw new TranslationException(TranslationException.Kind.BAD_OUTPUT, name + ": answer is not JSON", e);
        }
    }

    /**
     * The address of one of the API's paths below the configured URL, so that a server behind a path prefix
     * ({@code https://mt.example/libre}) is asked there and not at the host's root.
     */
    protected URI endpoint(String path) {
        return URI.create(baseUri.toString().replaceAll("/+$", "") + "/" + path.replaceAll("^/+", ""));
    }

    /** The engine answered, but not with a translation. */
    protected TranslationException badOutput(String reason) {
        return new TranslationException(TranslationException.Kind.BAD_OUTPUT, name + ": " + reason);
    }

    /**
     * How this engine's wire format classifies an error answer; by default as {@link EngineHttp} did from the
     * status alone.
     */
    protected TranslationException reclassified(EngineHttpError error) {
        return error;
    }

    protected ObjectMapper json() {
        return json;
    }
}

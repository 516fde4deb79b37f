package org.feedwerk.translate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP for engines: one POST with retries. Refused connections, timeouts, 429 and 5xx are retried with
 * exponential backoff (honouring {@code Retry-After} up to 30 s); 401/403 are configuration errors; 456 is a used-up
 * quota; other 4xx mean the engine refused this text. Keys go in headers and never into messages.
 */
final class EngineHttp {
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(30);

    private final String engineName;
    private final HttpClient client;
    private final Duration timeout;
    private final int maxAttempts;
    private final Sleeper sleeper;

    EngineHttp(String engineName, Duration timeout, int maxAttempts, Sleeper sleeper) {
        this.engineName = engineName;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
    }

    /** POSTs the body and returns the response text of a 2xx answer. */
    String post(URI uri, String contentType, String body, Map<String, String> headers) {
        TranslationException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Duration wait = FIRST_RETRY.multipliedBy(1L << (attempt - 1));
            try {
                HttpResponse<String> response = client.send(
                        request(uri, contentType, body, headers),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response.body();
                }
                last = failure(status, response.body());
                if (last.kind() != TranslationException.Kind.TRANSIENT) {
                    throw last;
                }
                wait = retryAfter(response).orElse(wait);
            } catch (HttpTimeoutException e) {
                last = new TranslationException(
                        TranslationException.Kind.TRANSIENT,
                        engineName + ": no answer within " + timeout.toSeconds() + " s",
                        e);
            } catch (IOException e) {
                last = new TranslationException(
                        TranslationException.Kind.TRANSIENT,
                        engineName + ": cannot reach " + uri.getHost() + ":" + uri.getPort() + " ("
                                + e.getClass().getSimpleName() + ")",
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TranslationException(TranslationException.Kind.TRANSIENT, engineName + ": interrupted", e);
            }
            if (attempt < maxAttempts) {
                pause(wait);
            }
        }
        throw last;
    }

    private HttpRequest request(URI uri, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("User-Agent", "Feedwerk/0.1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return builder.build();
    }

    private TranslationException failure(int status, String body) {
        TranslationException.Kind kind;
        String problem;
        if (status == 429 || status >= 500) {
            kind = TranslationException.Kind.TRANSIENT;
            problem = "busy or failing";
        } else if (status == 456) {
            kind = TranslationException.Kind.QUOTA;
            problem = "quota exceeded";
        } else if (status == 401 || status == 403) {
            kind = TranslationException.Kind.CONFIGURATION;
            problem = "the API key was rejected; check the key and the URL";
        } else if (status == 404) {
            kind = TranslationException.Kind.CONFIGURATION;
            problem = "no translation API at this URL";
        } else {
            kind = TranslationException.Kind.BAD_OUTPUT;
            problem = "request refused";
        }
        return new EngineHttpError(
                kind, engineName + ": " + problem + " (HTTP " + status + snippet(body) + ")", status, body);
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return ": " + (flat.length() > 200 ? flat.substring(0, 200) + "…" : flat);
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Retry-After")
                .filter(value -> value.matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)))
                .map(value -> value.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : value);
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationException(TranslationException.Kind.TRANSIENT, engineName + ": interrupted", e);
        }
    }
}

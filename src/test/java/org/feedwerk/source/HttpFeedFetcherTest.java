package org.feedwerk.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.feedwerk.config.FetchConfig;
import org.feedwerk.testing.LocalHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFeedFetcherTest {
    private static final byte[] FEED = "<rss version=\"2.0\"><channel/></rss>".getBytes(StandardCharsets.UTF_8);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private static final HttpFeedFetcher.Validators NONE = new HttpFeedFetcher.Validators(null, null);

    private final LocalHttpServer server = new LocalHttpServer();

    private HttpFeedFetcher fetcher(FetchConfig config) {
        return new HttpFeedFetcher(config, CLOCK);
    }

    private HttpFeedFetcher fetcher() {
        return fetcher(FetchConfig.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsValidatorsAndRecognizesNotModified() {
        server.on("/feed", exchange -> {
            String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
            if ("\"v1\"".equals(etag)) {
                LocalHttpServer.send(exchange, 304, null, new byte[0]);
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", "Sun, 29 Nov 2026 10:00:00 GMT");
            LocalHttpServer.send(exchange, 200, "application/rss+xml; charset=utf-8", FEED);
        });

        FetchResult first = fetcher().fetch(server.uri("/feed"), NONE, true);
        assertThat(first).isInstanceOf(FetchResult.Fetched.class);
        FetchResult.Fetched fetched = (FetchResult.Fetched) first;
        assertThat(fetched.body()).isEqualTo(FEED);
        assertThat(fetched.etag()).isEqualTo("\"v1\"");
        assertThat(fetched.contentType()).isEqualTo("application/rss+xml; charset=utf-8");

        FetchResult second = fetcher()
                .fetch(
                        server.uri("/feed"),
                        new HttpFeedFetcher.Validators(fetched.etag(), fetched.lastModified()),
                        true);
        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
        LocalHttpServer.Request request = server.requests().get(1);
        assertThat(request.header("If-Modified-Since")).isEqualTo("Sun, 29 Nov 2026 10:00:00 GMT");
        assertThat(request.header("User-Agent")).startsWith("Feedwerk/");
        assertThat(request.header("Accept-Encoding")).contains("gzip");
    }

    @Test
    void decompressesGzip() {
        server.on("/gz", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalHttpServer.send(exchange, 200, "application/rss+xml", gzip(FEED));
        });

        FetchResult result = fetcher().fetch(server.uri("/gz"), NONE, true);

        assertThat(((FetchResult.Fetched) result).body()).isEqualTo(FEED);
    }

    @Test
    void followsRedirectsUpToTheLimit() {
        server.on("/r1", exchange -> redirect(exchange, "/r2"));
        server.on("/r2", exchange -> redirect(exchange, "/final"));
        server.on("/final", exchange -> LocalHttpServer.send(exchange, 200, "text/xml", FEED));
        for (int i = 0; i < 6; i++) {
            int next = i + 1;
            server.on("/loop" + i, exchange -> redirect(exchange, "/loop" + next));
        }

        FetchResult followed = fetcher().fetch(server.uri("/r1"), NONE, true);
        assertThat(((FetchResult.Fetched) followed).finalUrl()).endsWith("/final");

        FetchResult tooMany = fetcher().fetch(server.uri("/loop0"), NONE, true);
        assertThat(tooMany).isEqualTo(new FetchResult.Failed("too many redirects (more than 5)"));
    }

    @Test
    void namesWhereAFeedMovedPermanentlyUpToTheFirstTemporaryRedirect() {
        server.on("/new", exchange -> {
            if (exchange.getRequestHeaders().getFirst("If-None-Match") != null) {
                LocalHttpServer.send(exchange, 304, null, new byte[0]);
            } else {
                LocalHttpServer.send(exchange, 200, "text/xml", FEED);
            }
        });
        server.on("/moved", exchange -> redirect(exchange, 301, "/new"));
        server.on("/moved-308", exchange -> redirect(exchange, 308, "/new"));
        server.on("/moved-twice", exchange -> redirect(exchange, 301, "/moved-308"));
        server.on("/borrowed", exchange -> redirect(exchange, 307, "/new"));
        server.on("/moved-then-borrowed", exchange -> redirect(exchange, 301, "/borrowed"));
        server.on("/borrowed-then-moved", exchange -> redirect(exchange, 302, "/moved"));

        assertThat(movedTo("/moved")).isEqualTo(server.uri("/new").toString());
        assertThat(movedTo("/moved-308")).isEqualTo(server.uri("/new").toString());
        assertThat(movedTo("/moved-twice")).isEqualTo(server.uri("/new").toString());
        assertThat(movedTo("/borrowed")).as("a temporary redirect is no move").isNull();
        assertThat(movedTo("/moved-then-borrowed"))
                .as("moved to the address that then lends the feed elsewhere")
                .isEqualTo(server.uri("/borrowed").toString());
        assertThat(movedTo("/borrowed-then-moved"))
                .as("the configured address redirects only for now")
                .isNull();
        assertThat(movedTo("/new")).isNull();
        assertThat(fetcher().fetch(server.uri("/moved"), new HttpFeedFetcher.Validators("\"v\"", null), true))
                .as("also when nothing changed")
                .isEqualTo(new FetchResult.NotModified(server.uri("/new").toString()));
    }

    private String movedTo(String path) {
        FetchResult.Fetched fetched = (FetchResult.Fetched) fetcher().fetch(server.uri(path), NONE, true);
        assertThat(fetched.finalUrl()).isEqualTo(server.uri("/new").toString());
        return fetched.movedTo();
    }

    @Test
    void aKeyInTheQueryGoesOnlyToTheFeedsOriginAndIntoNoAddressReturned() {
        List<String> queries = new CopyOnWriteArrayList<>();
        try (LocalHttpServer cdn = new LocalHttpServer()) {
            server.on("/api/feed", exchange -> {
                queries.add(exchange.getRequestURI().getRawQuery());
                redirect(exchange, 301, "/api/v2/feed?format=rss&api-key=s3cret"); // echoes the key
            });
            server.on("/api/v2/feed", exchange -> {
                queries.add(exchange.getRequestURI().getRawQuery());
                LocalHttpServer.send(exchange, 200, "text/xml", FEED);
            });
            server.on(
                    "/api/mirrored",
                    exchange -> redirect(exchange, cdn.uri("/mirror?format=rss").toString()));
            server.on("/api/garbled", exchange -> redirect(exchange, "/api/v3?api-key=s3cret&%zz"));
            cdn.on("/mirror", exchange -> {
                queries.add("cdn: " + exchange.getRequestURI().getRawQuery());
                LocalHttpServer.send(exchange, 200, "text/xml", FEED);
            });
            RequestCredentials key = new RequestCredentials(Map.of(), Map.of("api-key", "s3cret"));

            FetchResult.Fetched moved = (FetchResult.Fetched) fetcher().fetch(server.uri("/api/feed"), NONE, true, key);
            FetchResult.Fetched mirrored =
                    (FetchResult.Fetched) fetcher().fetch(server.uri("/api/mirrored"), NONE, true, key);
            FetchResult garbled = fetcher().fetch(server.uri("/api/garbled"), NONE, true, key);

            assertThat(queries).containsExactly("api-key=s3cret", "format=rss&api-key=s3cret", "cdn: format=rss");
            assertThat(moved.finalUrl())
                    .isEqualTo(server.uri("/api/v2/feed?format=rss").toString());
            assertThat(moved.movedTo()).isEqualTo(moved.finalUrl());
            assertThat(mirrored.finalUrl())
                    .isEqualTo(cdn.uri("/mirror?format=rss").toString());
            assertThat(((FetchResult.Failed) garbled).reason())
                    .startsWith("invalid redirect location: ")
                    .contains("api-key=…")
                    .doesNotContain("s3cret");
        }
    }

    @Test
    void capsTheBodyWhileStreamingEvenWhenCompressed() {
        byte[] large = new byte[4096];
        Arrays.fill(large, (byte) 'a');
        server.on("/big", exchange -> LocalHttpServer.send(exchange, 200, "text/xml", large));
        server.on("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalHttpServer.send(exchange, 200, "text/xml", gzip(large));
        });
        FetchConfig small = FetchConfig.defaults().withMaxBodyBytes(2048L);

        assertThat(fetcher(small).fetch(server.uri("/big"), NONE, true))
                .isEqualTo(new FetchResult.Failed("response larger than the limit of 2048 bytes"));
        assertThat(fetcher(small).fetch(server.uri("/bomb"), NONE, true))
                .isEqualTo(new FetchResult.Failed("response larger than the limit of 2048 bytes"));
    }

    @Test
    void honoursRetryAfterInSecondsAndAsDate() {
        server.on("/busy", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "120");
            LocalHttpServer.send(exchange, 429, "text/plain", "slow down".getBytes());
        });
        server.on("/maintenance", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "Sun, 29 Nov 2026 13:00:00 GMT");
            LocalHttpServer.send(exchange, 503, "text/plain", "later".getBytes());
        });

        assertThat(fetcher().fetch(server.uri("/busy"), NONE, true))
                .isEqualTo(new FetchResult.RateLimited(429, Duration.ofSeconds(120)));
        assertThat(fetcher().fetch(server.uri("/maintenance"), NONE, true))
                .isEqualTo(new FetchResult.RateLimited(503, Duration.ofHours(1)));
    }

    @Test
    void reportsHttpErrorsAndTimeouts() {
        server.on("/gone", exchange -> LocalHttpServer.send(exchange, 500, "text/plain", "boom".getBytes()));
        server.on("/slow", exchange -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalHttpServer.send(exchange, 200, "text/xml", FEED);
        });
        FetchConfig impatient = FetchConfig.defaults().withReadTimeout(Duration.ofMillis(300));

        assertThat(fetcher().fetch(server.uri("/gone"), NONE, true))
                .isEqualTo(new FetchResult.Failed("HTTP 500 Internal Server Error"));
        assertThat(fetcher(impatient).fetch(server.uri("/slow"), NONE, true))
                .isInstanceOfSatisfying(
                        FetchResult.Failed.class,
                        failed -> assertThat(failed.reason()).startsWith("timed out"));
    }

    @Test
    void refusesPrivateAddressesUnlessTheSourceAllowsThem() {
        FetchResult refused = fetcher().fetch(server.uri("/feed"), NONE, false);

        assertThat(refused)
                .isInstanceOfSatisfying(
                        FetchResult.Failed.class,
                        failed -> assertThat(failed.reason()).contains("private network address"));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void refusesRedirectsToOtherSchemes() {
        server.on("/to-file", exchange -> redirect(exchange, "file:///etc/passwd"));

        assertThat(fetcher().fetch(server.uri("/to-file"), NONE, true))
                .isInstanceOfSatisfying(
                        FetchResult.Failed.class,
                        failed -> assertThat(failed.reason()).contains("only http and https"));
    }

    @Test
    void connectionRefusedIsAFailureNotAnException() {
        URI closed = server.uri("/feed");
        server.close();

        assertThat(fetcher().fetch(closed, NONE, true))
                .isInstanceOfSatisfying(
                        FetchResult.Failed.class,
                        failed -> assertThat(failed.reason()).startsWith("connection failed"));
    }

    @Test
    void credentialsGoToTheFeedsOriginAndNeverAfterARedirectElsewhere() {
        RequestCredentials credentials = new RequestCredentials(
                Map.of("Authorization", "Basic d2lyZTpzZWNyZXQ=", "X-Api-Key", "k-123"), Map.of());
        try (LocalHttpServer cdn = new LocalHttpServer()) {
            cdn.on("/mirror", exchange -> LocalHttpServer.send(exchange, 200, "text/xml", FEED));
            server.on("/licensed", exchange -> redirect(exchange, "/licensed/today"));
            server.on(
                    "/licensed/today",
                    exchange -> redirect(exchange, cdn.uri("/mirror").toString()));

            FetchResult result = fetcher().fetch(server.uri("/licensed"), NONE, true, credentials);

            assertThat(result).isInstanceOf(FetchResult.Fetched.class);
            assertThat(server.requests())
                    .as("the feed's own origin, also after a redirect within it")
                    .allSatisfy(request -> {
                        assertThat(request.header("Authorization")).isEqualTo("Basic d2lyZTpzZWNyZXQ=");
                        assertThat(request.header("X-Api-Key")).isEqualTo("k-123");
                    })
                    .hasSize(2);
            assertThat(cdn.requests()).singleElement().satisfies(request -> {
                assertThat(request.header("Authorization")).isNull();
                assertThat(request.header("X-Api-Key")).isNull();
            });
        }
    }

    @Test
    void aRefusalSaysWhetherCredentialsWereSentAndWhichSchemeIsAskedFor() {
        server.on("/closed", exchange -> {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"wire\", charset=\"UTF-8\"");
            LocalHttpServer.send(exchange, 401, "text/plain", "no".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(fetcher().fetch(server.uri("/closed"), NONE, true))
                .isEqualTo(new FetchResult.Failed("HTTP 401 Unauthorized: the feed wants credentials (credentials in"
                        + " the source's configuration); it asks for Basic"));
        assertThat(fetcher()
                        .fetch(
                                server.uri("/closed"),
                                NONE,
                                true,
                                new RequestCredentials(Map.of("Authorization", "Basic eDp5"), Map.of())))
                .isEqualTo(
                        new FetchResult.Failed("HTTP 401 Unauthorized: the server refused the source's credentials"));
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        redirect(exchange, 302, location);
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        LocalHttpServer.send(exchange, status, null, new byte[0]);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}

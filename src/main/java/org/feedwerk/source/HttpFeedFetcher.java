package org.feedwerk.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.feedwerk.config.FetchConfig;

/**
 * Fetches a feed over HTTP(S): conditional GET, gzip, credentials for licensed feeds (kept to the feed's own
 * origin), a bounded number of redirects (each checked by {@link NetworkGuard}), connect and read timeouts, and a body cap enforced while streaming, after
 * decompression, so neither a huge nor a gzip-bomb response can exhaust memory.
 */
public final class HttpFeedFetcher {
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    private final FetchConfig config;
    private final Clock clock;

    /** The largest document accepted, also from a drop folder ({@code fetch.maxBodyBytes}). */
    public long maxBodyBytes() {
        return config.maxBodyBytes();
    }

    /** How many older pages of a paged feed one run may read ({@code fetch.olderPages}). */
    public int olderPages() {
        return config.olderPages();
    }

    public HttpFeedFetcher(FetchConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Validators from the last successful fetch; both may be null. */
    public record Validators(String etag, String lastModified) {}

    public FetchResult fetch(URI url, Validators validators, boolean allowPrivateNetwork) {
        return fetch(url, validators, allowPrivateNetwork, RequestCredentials.NONE);
    }

    /**
     * @param credentials what proves who is asking (an {@code Authorization} or API key header, a key in the query);
     *                    sent only to the feed's own origin, never after a redirect to another host, port or scheme,
     *                    and never part of an address in the result
     */
    public FetchResult fetch(
            URI url, Validators validators, boolean allowPrivateNetwork, RequestCredentials credentials) {
        FetchResult result = fetchFollowingRedirects(url, validators, allowPrivateNetwork, credentials);
        return result instanceof FetchResult.Failed failed
                ? new FetchResult.Failed(credentials.hiddenIn(failed.reason()))
                : result;
    }

    private FetchResult fetchFollowingRedirects(
            URI url, Validators validators, boolean allowPrivateNetwork, RequestCredentials credentials) {
        URI current = url;
        URI movedTo = null;
        boolean onlyPermanentSoFar = true;
        for (int redirects = 0; ; redirects++) {
            Optional<String> refusal = NetworkGuard.refusal(current, allowPrivateNetwork);
            if (refusal.isPresent()) {
                return new FetchResult.Failed(refusal.get());
            }
            HttpURLConnection connection = null;
            try {
                RequestCredentials sent = sameOrigin(url, current) ? credentials : RequestCredentials.NONE;
                connection = open(sent.addedTo(current), validators, sent.headers());
                int status = connection.getResponseCode();
                if (isRedirect(status)) {
                    String location = connection.getHeaderField("Location");
                    if (location == null) {
                        return new FetchResult.Failed("HTTP " + status + " redirect without Location header");
                    }
                    if (redirects >= config.maxRedirects()) {
                        return new FetchResult.Failed("too many redirects (more than " + config.maxRedirects() + ")");
                    }
                    current = current.resolve(new URI(location.trim()));
                    onlyPermanentSoFar &= status == 301 || status == 308;
                    if (onlyPermanentSoFar) {
                        movedTo = current;
                    }
                    continue;
                }
                return read(
                        connection,
                        status,
                        credentials.removedFrom(current.toString()),
                        !sent.isEmpty(),
                        movedTo == null ? null : credentials.removedFrom(movedTo.toString()));
            } catch (SocketTimeoutException e) {
                return new FetchResult.Failed("timed out: " + e.getMessage());
            } catch (UnknownHostException e) {
                return new FetchResult.Failed("unknown host " + e.getMessage());
            } catch (URISyntaxException e) {
                return new FetchResult.Failed("invalid redirect location: " + e.getMessage());
            } catch (IOException e) {
                return new FetchResult.Failed("connection failed: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } finally {
                if (connection != null) {
                    connection.disconnect();
                }
            }
        }
    }

    /** Same scheme, host and port: where a feed's credentials may go. */
    public static boolean sameOrigin(URI first, URI other) {
        return String.valueOf(first.getScheme()).equalsIgnoreCase(String.valueOf(other.getScheme()))
                && String.valueOf(first.getHost()).equalsIgnoreCase(String.valueOf(other.getHost()))
                && port(first) == port(other);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private HttpURLConnection open(URI url, Validators validators, Map<String, String> credentials) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout((int) config.connectTimeout().toMillis());
        connection.setReadTimeout((int) config.readTimeout().toMillis());
        connection.setUseCaches(false);
        connection.setRequestProperty("User-Agent", config.userAgent());
        connection.setRequestProperty("Accept", ACCEPT);
        connection.setRequestProperty("Accept-Encoding", "gzip");
        if (validators.etag() != null) {
            connection.setRequestProperty("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            connection.setRequestProperty("If-Modified-Since", validators.lastModified());
        }
        credentials.forEach(connection::setRequestProperty);
        return connection;
    }

    private FetchResult read(
            HttpURLConnection connection, int status, String url, boolean credentialsSent, String movedTo)
            throws IOException {
        if (status == HttpURLConnection.HTTP_NOT_MODIFIED) {
            return new FetchResult.NotModified(movedTo);
        }
        if (status == 429 || status == HttpURLConnection.HTTP_UNAVAILABLE) {
            return new FetchResult.RateLimited(status, parseRetryAfter(connection.getHeaderField("Retry-After")));
        }
        if (status < 200 || status > 299) {
            String message = connection.getResponseMessage();
            String failure = "HTTP " + status + (message == null ? "" : " " + message);
            if (status == HttpURLConnection.HTTP_UNAUTHORIZED || status == HttpURLConnection.HTTP_FORBIDDEN) {
                failure += credentialsSent
                        ? ": the server refused the source's credentials"
                        : ": the feed wants credentials (credentials in the source's configuration)"
                                + scheme(connection.getHeaderField("WWW-Authenticate"));
            }
            return new FetchResult.Failed(failure);
        }
        long declared = connection.getContentLengthLong();
        if (declared > config.maxBodyBytes()) {
            return tooLarge();
        }
        Optional<byte[]> body = readCapped(connection);
        if (body.isEmpty()) {
            return tooLarge();
        }
        return new FetchResult.Fetched(
                body.get(),
                connection.getContentType(),
                connection.getHeaderField("ETag"),
                connection.getHeaderField("Last-Modified"),
                url,
                movedTo);
    }

    /** The scheme a 401 names ("it asks for Basic"), never its parameters. */
    private static String scheme(String challenge) {
        if (challenge == null || challenge.isBlank()) {
            return "";
        }
        String scheme = challenge.strip().split("[\\s,]", 2)[0];
        return scheme.matches("[A-Za-z][A-Za-z0-9-]{0,30}") ? "; it asks for " + scheme : "";
    }

    private FetchResult tooLarge() {
        return new FetchResult.Failed("response larger than the limit of " + config.maxBodyBytes() + " bytes");
    }

    private Optional<byte[]> readCapped(HttpURLConnection connection) throws IOException {
        String encoding = String.valueOf(connection.getContentEncoding()).toLowerCase(Locale.ROOT);
        try (InputStream raw = connection.getInputStream();
                InputStream in = encoding.contains("gzip") ? new GZIPInputStream(raw) : raw) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            for (int read; (read = in.read(buffer)) >= 0; ) {
                total += read;
                if (total > config.maxBodyBytes()) {
                    return Optional.empty();
                }
                out.write(buffer, 0, read);
            }
            return Optional.of(out.toByteArray());
        }
    }

    private Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), when.toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}

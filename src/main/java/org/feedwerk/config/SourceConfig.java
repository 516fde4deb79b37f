package org.feedwerk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One configured source: an HTTP(S) feed ({@code url}) or a drop folder ({@code dir}). {@code attribution} is the
 * name shown as the source of every article; {@code licence} records why republication is allowed;
 * {@code credentials} say how a licensed feed is asked for.
 */
public record SourceConfig(
        String id,
        URI url,
        Path dir,
        SourceFormat format,
        String language,
        Duration interval,
        String attribution,
        String licence,
        Boolean allowPrivateNetwork,
        SourceCredentials credentials) {

    @JsonCreator
    public SourceConfig {
        format = format == null ? SourceFormat.AUTO : format;
        interval = interval == null ? Duration.ofMinutes(5) : interval;
        allowPrivateNetwork = allowPrivateNetwork != null && allowPrivateNetwork;
    }

    public Optional<SourceCredentials> findCredentials() {
        return Optional.ofNullable(credentials);
    }

    public Optional<URI> findUrl() {
        return Optional.ofNullable(url);
    }

    public Optional<Path> findDir() {
        return Optional.ofNullable(dir);
    }

    /** Where the source comes from, for tables and logs. */
    public String location() {
        return url != null ? url.toString() : String.valueOf(dir);
    }

    public String attributionOrId() {
        return attribution == null || attribution.isBlank() ? id : attribution;
    }

    SourceConfig resolvedAgainst(Path base) {
        Path resolvedDir = dir == null ? null : base.resolve(dir).normalize();
        return new SourceConfig(
                id,
                url,
                resolvedDir,
                format,
                language,
                interval,
                attribution,
                licence,
                allowPrivateNetwork,
                credentials);
    }
}

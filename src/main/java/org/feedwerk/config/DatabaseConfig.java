package org.feedwerk.config;

import java.util.Optional;

/**
 * Database connection. Without a {@code url} Feedwerk uses SQLite under the data directory. The password is a
 * secret and therefore only read from the environment ({@code FEEDWERK_DATABASE_PASSWORD}).
 */
public record DatabaseConfig(String url, String user, Integer poolSize) {
    public DatabaseConfig {
        poolSize = poolSize == null ? 8 : poolSize;
    }

    static DatabaseConfig defaults() {
        return new DatabaseConfig(null, null, null);
    }

    public Optional<String> findUrl() {
        return Optional.ofNullable(url).filter(value -> !value.isBlank());
    }
}

package org.feedwerk.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole configuration, read once at start-up from {@code feedwerk.yml} and the environment, validated by
 * {@link ConfigLoader}, then passed down. Every key has a default; relative paths are resolved against the
 * directory of the configuration file.
 */
public record FeedwerkConfig(
        ServerConfig server,
        Path dataDir,
        DatabaseConfig database,
        FetchConfig fetch,
        List<SourceConfig> sources,
        TranslationConfig translation,
        SiteConfig site,
        ModelsConfig models,
        List<String> roles) {

    public FeedwerkConfig {
        server = server == null ? ServerConfig.defaults() : server;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        database = database == null ? DatabaseConfig.defaults() : database;
        fetch = fetch == null ? FetchConfig.defaults() : fetch;
        sources = sources == null ? List.of() : List.copyOf(sources);
        translation = translation == null ? TranslationConfig.defaults() : translation;
        site = site == null ? SiteConfig.defaults() : site;
        models = models == null ? ModelsConfig.defaults() : models;
        roles = roles == null ? Role.ALL.stream().sorted().map(Role::key).toList() : List.copyOf(roles);
    }

    /** The configuration without translation settings: ingest only (tests and tools). */
    public FeedwerkConfig(
            ServerConfig server, Path dataDir, DatabaseConfig database, FetchConfig fetch, List<SourceConfig> sources) {
        this(server, dataDir, database, fetch, sources, null, null, null, null);
    }

    /** The roles this configuration gives a process ({@code roles:}, default all four); validated at load. */
    public Set<Role> activeRoles() {
        return Role.parse(roles);
    }

    /** The same configuration with other roles ({@code run --roles}). */
    public FeedwerkConfig withRoles(Set<Role> active) {
        return new FeedwerkConfig(
                server,
                dataDir,
                database,
                fetch,
                sources,
                translation,
                site,
                models,
                active.stream().sorted().map(Role::key).toList());
    }

    public Optional<SourceConfig> findSource(String id) {
        return sources.stream().filter(source -> source.id().equals(id)).findFirst();
    }

    /** The same configuration with relative paths made absolute against {@code base}. */
    FeedwerkConfig resolvedAgainst(Path base) {
        List<SourceConfig> resolvedSources =
                sources.stream().map(source -> source.resolvedAgainst(base)).toList();
        ModelsConfig resolvedModels = new ModelsConfig(
                models.findDir().map(dir -> base.resolve(dir).normalize()).orElse(null),
                models.baseUrl(),
                models.autoPull());
        return new FeedwerkConfig(
                server,
                base.resolve(dataDir).normalize(),
                database,
                fetch,
                resolvedSources,
                translation.resolvedAgainst(base),
                site,
                resolvedModels,
                roles);
    }
}

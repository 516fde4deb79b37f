package org.feedwerk.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.feedwerk.app.Application;
import org.feedwerk.config.DatabaseConfig;
import org.feedwerk.config.FeedwerkConfig;
import org.feedwerk.config.FetchConfig;
import org.feedwerk.config.ServerConfig;
import org.feedwerk.config.SourceConfig;

/** Builds real applications over a data directory for end-to-end tests. */
public final class TestApplications {
    private TestApplications() {}

    public static FeedwerkConfig config(Path dataDir, DatabaseConfig database, List<SourceConfig> sources) {
        FetchConfig fetch = FetchConfig.defaults().withConcurrency(2).withDropSettle(Duration.ZERO);
        return new FeedwerkConfig(new ServerConfig("127.0.0.1", 0), dataDir, database, fetch, sources);
    }

    public static Application open(FeedwerkConfig config, Clock clock) {
        return Application.open(config, Map.of(), clock);
    }
}

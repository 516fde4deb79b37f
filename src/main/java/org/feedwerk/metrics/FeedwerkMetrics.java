package org.feedwerk.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.pipeline.SourceRunReport;
import org.feedwerk.publish.Publication;
import org.feedwerk.publish.PublicationListener;
import org.feedwerk.translate.Translation;

/**
 * The Prometheus metrics of {@code /metrics}: fetches by source and outcome with latency, items and revisions,
 * translations by engine and outcome with characters sent and reused, QA failures by check, publications,
 * withdrawals, articles per status (the queues), HTTP requests by route and status, and the JVM's own metrics.
 */
public final class FeedwerkMetrics implements PublicationListener {
    private static final Duration STATUS_COUNT_TTL = Duration.ofSeconds(5);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Supplier<Map<ArticleStatus, Integer>> statusCounts;
    private final Clock clock;
    private volatile Map<ArticleStatus, Integer> cachedCounts = Map.of();
    private volatile Instant countedAt = Instant.MIN;

    public FeedwerkMetrics(Supplier<Map<ArticleStatus, Integer>> statusCounts, Clock clock) {
        this.statusCounts = statusCounts;
        this.clock = clock;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        for (ArticleStatus status : ArticleStatus.values()) {
            Gauge.builder("feedwerk.articles", () -> count(status))
                    .tag("status", status.wireName())
                    .description("articles per status (queue depth)")
                    .register(registry);
        }
    }

    public void recordSourceRun(SourceRunReport report, Duration elapsed) {
        String outcome = report.isFailure() ? "failure" : report.notModified() ? "not_modified" : "success";
        Counter.builder("feedwerk.fetches")
                .tag("source", report.sourceId())
                .tag("outcome", outcome)
                .description("source runs by outcome")
                .register(registry)
                .increment();
        Timer.builder("feedwerk.fetch")
                .tag("source", report.sourceId())
                .description("duration of a source run")
                .register(registry)
                .record(elapsed);
        var counts = report.counts();
        Counter.builder("feedwerk.items.ingested")
                .tag("source", report.sourceId())
                .register(registry)
                .increment(counts.newArticles() + counts.newRevisions() + counts.unchanged());
        Counter.builder("feedwerk.revisions")
                .tag("source", report.sourceId())
                .description("new revisions, first ones included")
                .register(registry)
                .increment(counts.newArticles() + counts.newRevisions());
    }

    public void recordTranslation(Translation translation, List<String> failedChecks) {
        String engine = translation.engine();
        Counter.builder("feedwerk.translations")
                .tag("engine", engine)
                .tag("outcome", translation.status().wireName())
                .register(registry)
                .increment();
        Counter.builder("feedwerk.characters.sent")
                .tag("engine", engine)
                .register(registry)
                .increment(translation.charsSent());
        Counter.builder("feedwerk.characters.reused")
                .tag("engine", engine)
                .register(registry)
                .increment(translation.charsReused());
        for (String check : failedChecks) {
            Counter.builder("feedwerk.qa.failures")
                    .tag("check", check)
                    .tag("engine", engine)
                    .register(registry)
                    .increment();
        }
    }

    public void recordEngineError(String engine, String kind) {
        Counter.builder("feedwerk.engine.errors")
                .tag("engine", engine)
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    /** The counter of pages answered from the cache, looked up once: that path is the hot one. */
    public Counter cachedPageRequests() {
        return Counter.builder("feedwerk.http.requests")
                .tag("route", "cached-page")
                .tag("method", "GET")
                .tag("status", "200")
                .register(registry);
    }

    public void recordHttpRequest(String route, String method, int status) {
        Counter.builder("feedwerk.http.requests")
                .tag("route", route)
                .tag("method", method)
                .tag("status", String.valueOf(status))
                .register(registry)
                .increment();
    }

    @Override
    public void published(Publication publication) {
        Counter.builder("feedwerk.publications").register(registry).increment();
    }

    @Override
    public void withdrawn(String articleId) {
        Counter.builder("feedwerk.withdrawals").register(registry).increment();
    }

    @Override
    public void withheld(String articleId) {
        Counter.builder("feedwerk.withholdings").register(registry).increment();
    }

    /** The Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    private double count(ArticleStatus status) {
        Instant now = clock.instant();
        if (now.isAfter(countedAt.plus(STATUS_COUNT_TTL))) {
            try {
                cachedCounts = statusCounts.get();
                countedAt = now;
            } catch (RuntimeException e) {
                return Double.NaN; // the store is unreachable; /readyz says so
            }
        }
        return cachedCounts.getOrDefault(status, 0);
    }
}

package org.feedwerk.metrics;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.feedwerk.article.ArticleStatus;
import org.feedwerk.translate.Translation;
import org.feedwerk.translate.TranslationStore;

/** A {@link TranslationStore} that counts every stored translation in the metrics, then stores it. */
public final class MeteringTranslationStore implements TranslationStore {
    private final TranslationStore delegate;
    private final FeedwerkMetrics metrics;

    public MeteringTranslationStore(TranslationStore delegate, FeedwerkMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public void saveTranslation(Translation translation, List<String> failedChecks) {
        delegate.saveTranslation(translation, failedChecks);
        metrics.recordTranslation(translation, failedChecks);
    }

    @Override
    public Map<String, String> findSegments(Collection<String> keys) {
        return delegate.findSegments(keys);
    }

    @Override
    public void saveSegment(MemoryEntry entry) {
        delegate.saveSegment(entry);
    }

    @Override
    public List<EngineDay> usagePerDay(Instant since) {
        return delegate.usagePerDay(since);
    }

    @Override
    public long charsSentSince(String engine, Instant since) {
        return delegate.charsSentSince(engine, since);
    }

    @Override
    public void recordCharsSent(String engine, Instant at, long chars) {
        delegate.recordCharsSent(engine, at, chars);
    }

    @Override
    public Map<String, Map<String, Integer>> countFailedChecks() {
        return delegate.countFailedChecks();
    }

    @Override
    public List<Translation> listTranslations(String articleId) {
        return delegate.listTranslations(articleId);
    }

    @Override
    public Optional<Claim> claimNext(Instant now, Instant staleClaimsBefore) {
        return delegate.claimNext(now, staleClaimsBefore);
    }

    @Override
    public boolean renewClaim(Claim claim, Instant now) {
        return delegate.renewClaim(claim, now);
    }

    @Override
    public boolean finishClaim(Claim claim, int revision, ArticleStatus status, String reason, Instant retryAt) {
        return delegate.finishClaim(claim, revision, status, reason, retryAt);
    }
}

package org.feedwerk.source;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence of {@link SourceState} and of processed drop-folder files; implemented in {@code store}. */
public interface SourceStateStore {
    Optional<SourceState> findState(String sourceId);

    List<SourceState> listStates();

    /**
     * Saves what a run learnt about the source. Whether the source is paused is not part of it: an operator may
     * pause it while the run is under way, and the run must not undo that ({@link #setPaused}).
     */
    void saveState(SourceState state);

    /** Pauses or resumes the source, whatever a run saves meanwhile. */
    void setPaused(String sourceId, boolean paused);

    /**
     * Takes the source's lease for {@code holder} until {@code until} if the source is due ({@code next_fetch} not
     * after {@code now}), not paused, and its lease is free or expired — in one statement, so that of several
     * processes exactly one gets it. False when another process holds it or the source is not due.
     */
    boolean tryLease(String sourceId, String holder, Instant now, Instant until);

    /** The same, also when the source is not due yet (a file arrived in its drop folder). */
    boolean tryLeaseBeforeDue(String sourceId, String holder, Instant now, Instant until);

    /** Extends the holder's lease; false when the holder lost it. */
    boolean renewLease(String sourceId, String holder, Instant until);

    /** Gives the lease up (after the run saved its state). */
    void releaseLease(String sourceId, String holder);

    Optional<DroppedFile> findDroppedFile(String sourceId, String name);

    void saveDroppedFile(DroppedFile file);
}

package org.feedwerk.source;

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

    Optional<DroppedFile> findDroppedFile(String sourceId, String name);

    void saveDroppedFile(DroppedFile file);
}

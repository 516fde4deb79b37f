package org.feedwerk.source;

import java.util.List;
import java.util.Optional;

/** Persistence of {@link SourceState} and of processed drop-folder files; implemented in {@code store}. */
public interface SourceStateStore {
    Optional<SourceState> findState(String sourceId);

    List<SourceState> listStates();

    void saveState(SourceState state);

    Optional<DroppedFile> findDroppedFile(String sourceId, String name);

    void saveDroppedFile(DroppedFile file);
}

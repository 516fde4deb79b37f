package org.feedwerk.search;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.feedwerk.publish.Publication;

/**
 * The search index, opened and filled with the live articles on first use: commands that never search (ingest,
 * verify, export) never pay for it.
 */
public final class LazySearchIndex implements Supplier<SearchIndex>, AutoCloseable {
    private final Path directory;
    private final Supplier<List<Publication>> live;
    private SearchIndex index;

    public LazySearchIndex(Path directory, Supplier<List<Publication>> live) {
        this.directory = directory;
        this.live = live;
    }

    @Override
    public synchronized SearchIndex get() {
        if (index == null) {
            index = new SearchIndex(directory);
            index.replaceAll(live.get()); // once: replaceAll starts from an empty index
        }
        return index;
    }

    /**
     * Applies a change only when the index is open: an index opened later reads the live articles anyway, so a
     * process that never searches (a {@code publish}-only node) never builds one.
     */
    public synchronized void ifOpen(Consumer<SearchIndex> change) {
        if (index != null) {
            change.accept(index);
        }
    }

    @Override
    public synchronized void close() {
        if (index != null) {
            index.close();
        }
    }
}

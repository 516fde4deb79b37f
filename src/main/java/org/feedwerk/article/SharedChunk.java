package org.feedwerk.article;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Independent pieces of work (a chunk of items to normalize) taken one at a time by background threads and, when it
 * needs the results before they are all done, by the thread that would otherwise wait for them. The thread that
 * completes the last piece runs {@code whenAllDone} on the results, in their order.
 *
 * <p>The ingest's storing thread and its database are the slower side; a fixed number of background threads is
 * either too few for long items or, on a small machine, takes CPU from the storing for short ones (design.md).
 */
final class SharedChunk<T, R> {
    private final List<T> inputs;
    private final Function<T, R> each;
    private final Function<List<R>, List<R>> whenAllDone;
    private final Object[] results;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger left;
    private final CompletableFuture<List<R>> done = new CompletableFuture<>();

    private SharedChunk(List<T> inputs, Function<T, R> each, Function<List<R>, List<R>> whenAllDone) {
        this.inputs = inputs;
        this.each = each;
        this.whenAllDone = whenAllDone;
        this.results = new Object[inputs.size()];
        this.left = new AtomicInteger(inputs.size());
    }

    /** Starts {@code threads} background workers on {@code executor} (none: all is done by {@link #join}). */
    static <T, R> SharedChunk<T, R> start(
            List<T> inputs,
            Function<T, R> each,
            Function<List<R>, List<R>> whenAllDone,
            Executor executor,
            int threads) {
        SharedChunk<T, R> chunk = new SharedChunk<>(inputs, each, whenAllDone);
        if (inputs.isEmpty()) {
            chunk.finish();
        }
        for (int thread = 0; thread < threads && thread < inputs.size(); thread++) {
            executor.execute(chunk::work);
        }
        return chunk;
    }

    /** The results: takes what no background thread has started, then waits for the rest. */
    List<R> join() {
        work();
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void work() {
        for (int index = next.getAndIncrement(); index < inputs.size(); index = next.getAndIncrement()) {
            if (done.isDone()) {
                return; // a piece failed: the rest is not wanted
            }
            try {
                results[index] = each.apply(inputs.get(index));
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
            // Each worker's writes come before its decrement; the last decrement sees them all.
            if (left.decrementAndGet() == 0) {
                finish();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void finish() {
        if (done.isDone()) {
            return; // a piece failed
        }
        try {
            done.complete(whenAllDone.apply((List<R>) List.copyOf(Arrays.asList(results))));
        } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
        }
    }
}

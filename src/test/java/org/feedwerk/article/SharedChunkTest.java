package org.feedwerk.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SharedChunkTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void everyPieceIsDoneOnceInOrderAndTheLastOneFinishesByWhoeverDoesIt() {
        for (int round = 0; round < 200; round++) {
            List<Integer> inputs = IntStream.range(0, 500).boxed().toList();
            AtomicIntegerArray times = new AtomicIntegerArray(inputs.size());
            AtomicInteger finished = new AtomicInteger();
            Set<String> workers = ConcurrentHashMap.newKeySet();

            SharedChunk<Integer, String> chunk = SharedChunk.start(
                    inputs,
                    input -> {
                        times.incrementAndGet(input);
                        workers.add(Thread.currentThread().getName());
                        return "#" + input;
                    },
                    all -> {
                        finished.incrementAndGet();
                        return all.stream().map(result -> result + "!").toList();
                    },
                    pool,
                    3);
            List<String> results = chunk.join();

            assertThat(results).hasSize(500).startsWith("#0!", "#1!").endsWith("#499!");
            assertThat(results)
                    .isEqualTo(inputs.stream().map(input -> "#" + input + "!").toList());
            assertThat(IntStream.range(0, inputs.size()).map(times::get)).containsOnly(1);
            assertThat(finished).hasValue(1);
            assertThat(workers).isNotEmpty();
        }
    }

    @Test
    void theWaitingThreadDoesWhatTheBackgroundHasNotStarted() throws InterruptedException {
        CountDownLatch blocked = new CountDownLatch(1);
        pool.execute(() -> awaitQuietly(blocked)); // the pool's threads are all busy with something else
        pool.execute(() -> awaitQuietly(blocked));
        pool.execute(() -> awaitQuietly(blocked));
        String caller = Thread.currentThread().getName();
        Set<String> workers = ConcurrentHashMap.newKeySet();
        AtomicInteger finishedBy = new AtomicInteger();

        List<Integer> results = SharedChunk.start(
                        List.of(1, 2, 3),
                        (Integer input) -> {
                            workers.add(Thread.currentThread().getName());
                            return input * 10;
                        },
                        all -> {
                            finishedBy.set(Thread.currentThread().getName().equals(caller) ? 1 : 2);
                            return all;
                        },
                        pool,
                        3)
                .join();
        blocked.countDown();

        assertThat(results).containsExactly(10, 20, 30);
        assertThat(workers).containsExactly(caller);
        assertThat(finishedBy).hasValue(1);
    }

    @Test
    void aPieceThatFailsFailsTheJoinAndNothingIsFinished() {
        AtomicInteger finished = new AtomicInteger();

        SharedChunk<Integer, Integer> chunk = SharedChunk.start(
                IntStream.range(0, 100).boxed().toList(),
                input -> {
                    if (input == 57) {
                        throw new IllegalStateException("item 57 cannot be read");
                    }
                    return input;
                },
                all -> {
                    finished.incrementAndGet();
                    return all;
                },
                pool,
                2);

        assertThatThrownBy(chunk::join)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("item 57 cannot be read");
        assertThat(finished).hasValue(0);
    }

    @Test
    void withoutBackgroundThreadsTheCallerDoesAllAndAnEmptyChunkIsDoneAtOnce() {
        assertThat(SharedChunk.start(List.of("a", "b"), String::toUpperCase, all -> all, Runnable::run, 0)
                        .join())
                .containsExactly("A", "B");
        assertThat(SharedChunk.start(List.<String>of(), String::toUpperCase, all -> all, pool, 3)
                        .join())
                .isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.facegate.identification;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchThreadsTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void processesEveryChunkExactlyOnceEachThreadIntoItsOwnState() {
        SearchThreads threads = new SearchThreads(pool, 3);
        for (int round = 0; round < 200; round++) {
            AtomicIntegerArray processed = new AtomicIntegerArray(500);
            Set<Thread> threadsSeen = ConcurrentHashMap.newKeySet();
            List<List<Integer>> states = threads.run(500, ArrayList::new, (List<Integer> state, int chunk) -> {
                processed.incrementAndGet(chunk);
                state.add(chunk);
                threadsSeen.add(Thread.currentThread());
            });
            for (int chunk = 0; chunk < 500; chunk++) {
                assertEquals(1, processed.get(chunk), "chunk " + chunk);
            }
            assertEquals(500, states.stream().mapToInt(List::size).sum());
            assertTrue(states.size() <= 4 && states.size() == threadsSeen.size(), states.size() + " states");
        }
    }

    /** A search whose helpers are all busy with other work does its chunks itself instead of waiting. */
    @Test
    void doesTheChunksItselfWhenTheHelpersAreBusy() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 3; i++) {
            pool.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        SearchThreads threads = new SearchThreads(pool, 3);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertEquals(List.of(Thread.currentThread()),
                threads.run(50, Thread::currentThread, (Thread state, int chunk) -> {
                })));
        release.countDown();
    }

    @Test
    void aFailingChunkFailsTheRunAfterEveryOtherChunkIsDone() {
        SearchThreads threads = new SearchThreads(pool, 2);
        AtomicIntegerArray processed = new AtomicIntegerArray(100);
        IllegalStateException failure = new IllegalStateException("chunk 37");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> threads.run(100, Object::new, (state, chunk) -> {
            processed.incrementAndGet(chunk);
            if (chunk == 37) {
                throw failure;
            }
        }));
        assertSame(failure, thrown);
        for (int chunk = 0; chunk < 100; chunk++) {
            assertEquals(1, processed.get(chunk));
        }
    }

    @Test
    void aRejectingExecutorLeavesTheChunksToTheCaller() {
        SearchThreads threads = new SearchThreads(task -> {
            throw new RejectedExecutionException("shut down");
        }, 1);
        List<List<Integer>> states = threads.run(10, ArrayList::new, (List<Integer> state, int chunk) -> state.add(chunk));
        assertEquals(List.of(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)), states);
        assertEquals(List.of(), threads.run(0, ArrayList::new, (List<Integer> state, int chunk) -> state.add(chunk)));
    }
}

package io.facegate.identification;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The threads one search may spread its passes over: the searching thread itself and up to
 * {@code helpers} tasks on an executor (in the server, a pool of managed threads, one per extra core).
 * A pass is cut into chunks that the threads claim one at a time, the searching thread included, so a
 * search never waits for a helper that is busy with another search: it then does the chunks itself,
 * and when searches run concurrently each one runs about as it would alone on one core.
 */
final class SearchThreads {

    /** The searching thread alone. */
    static final SearchThreads CALLER_ONLY = new SearchThreads(Runnable::run, 0);

    /** One thread's share of a pass: the chunks it claims, processed into its own state. */
    @FunctionalInterface
    interface ChunkWork<S> {
        void process(S state, int chunk);
    }

    private final Executor executor;
    private final int helpers;

    SearchThreads(Executor executor, int helpers) {
        if (helpers < 0) {
            throw new IllegalArgumentException("helpers must be >= 0, got " + helpers);
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.helpers = helpers;
    }

    /** Threads that can work on one search at once. */
    int parallelism() {
        return 1 + helpers;
    }

    /**
     * Processes chunks 0..chunks-1, each exactly once, on this thread and on helpers; every thread
     * that claims a chunk gets a state of its own from {@code newState}. Returns once every chunk is
     * processed, with the states; rethrows the first failure of any chunk.
     */
    <S> List<S> run(int chunks, Supplier<S> newState, ChunkWork<S> work) {
        ConcurrentLinkedQueue<S> states = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch processed = new CountDownLatch(chunks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable claimChunks = () -> {
            S state = null;
            for (int chunk = next.getAndIncrement(); chunk < chunks; chunk = next.getAndIncrement()) {
                try {
                    if (state == null) {
                        state = newState.get();
                        states.add(state);
                    }
                    work.process(state, chunk);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    processed.countDown();
                }
            }
        };
        for (int i = 0; i < Math.min(helpers, chunks - 1); i++) {
            try {
                executor.execute(claimChunks);
            } catch (RejectedExecutionException e) {
                break; // the pool is shutting down: this thread does the rest
            }
        }
        claimChunks.run();
        awaitUninterruptibly(processed);
        Throwable e = failure.get();
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw (RuntimeException) e;
        }
        return List.copyOf(states);
    }

    /** A search is short and its chunks are already claimed: finish it, and keep the interrupt for the caller. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

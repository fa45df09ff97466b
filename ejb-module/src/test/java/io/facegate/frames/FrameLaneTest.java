package io.facegate.frames;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameLaneTest {

    /** Runs submitted tasks only when the test says so, to look at the lane between steps. */
    private static final class StepExecutor implements java.util.concurrent.Executor {
        final Queue<Runnable> submitted = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            submitted.add(task);
        }

        void runNext() {
            submitted.remove().run();
        }
    }

    @Test
    void aTaskOfferedWhileOneRunsWaitsAndTheNewestWaitingTaskWins() {
        StepExecutor executor = new StepExecutor();
        FrameCounters counters = new FrameCounters();
        FrameLane lane = new FrameLane(executor, counters);
        List<String> ran = new ArrayList<>();
        lane.offer(() -> ran.add("first"));
        lane.offer(() -> ran.add("second"));
        lane.offer(() -> ran.add("third"));
        assertEquals(new FrameCounters.Snapshot(1, 0, 1, 0, 1), counters.snapshot(), "one queued, one waiting, one dropped as stale");
        assertEquals(1, executor.submitted.size(), "only one task is handed to the executor at a time");
        executor.runNext();
        assertEquals(1, executor.submitted.size(), "the waiting task is submitted when the running one ends");
        executor.runNext();
        assertTrue(executor.submitted.isEmpty());
        assertEquals(List.of("first", "third"), ran, "the second frame was superseded by the third");

        lane.offer(() -> ran.add("fourth"));
        executor.runNext();
        assertEquals(List.of("first", "third", "fourth"), ran, "an idle lane runs a new task at once");
        assertEquals(new FrameCounters.Snapshot(0, 0, 0, 3, 1), counters.snapshot());
    }

    @Test
    void housekeepingRunsOnlyOnAnIdleLaneAndNeverDisplacesAFrame() {
        StepExecutor executor = new StepExecutor();
        FrameLane lane = new FrameLane(executor, new FrameCounters());
        List<String> ran = new ArrayList<>();
        lane.offer(() -> ran.add("frame"));
        assertFalse(lane.offerIfIdle(() -> ran.add("check")));
        executor.runNext();
        assertTrue(lane.offerIfIdle(() -> ran.add("check")));
        executor.runNext();
        assertEquals(List.of("frame", "check"), ran);
    }

    @Test
    void aClosedLaneDropsItsWaitingTaskAndTakesNoMore() {
        StepExecutor executor = new StepExecutor();
        FrameLane lane = new FrameLane(executor, new FrameCounters());
        List<String> ran = new ArrayList<>();
        lane.offer(() -> ran.add("running"));
        lane.offer(() -> ran.add("waiting"));
        lane.close();
        executor.runNext();
        lane.offer(() -> ran.add("late"));
        assertTrue(executor.submitted.isEmpty());
        assertEquals(List.of("running"), ran);
    }

    @Test
    void underConcurrentOffersTasksNeverOverlapAndTheLastOfferAlwaysRuns() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            FrameCounters counters = new FrameCounters();
            FrameLane lane = new FrameLane(pool, counters);
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger maxInFlight = new AtomicInteger();
            List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch lastRan = new CountDownLatch(1);
            int offers = 2000;
            ExecutorService senders = Executors.newFixedThreadPool(3);
            CountDownLatch sent = new CountDownLatch(3);
            AtomicInteger next = new AtomicInteger();
            for (int s = 0; s < 3; s++) {
                senders.execute(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < offers - 1) {
                        int id = i;
                        lane.offer(() -> {
                            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            ran.add(id);
                            inFlight.decrementAndGet();
                        });
                    }
                    sent.countDown();
                });
            }
            assertTrue(sent.await(10, TimeUnit.SECONDS));
            senders.shutdown();
            lane.offer(() -> {
                ran.add(offers - 1);
                lastRan.countDown();
            });
            assertTrue(lastRan.await(10, TimeUnit.SECONDS), "the newest task is never lost");
            assertEquals(1, maxInFlight.get(), "one task at a time per connection");
            assertTrue(ran.size() <= offers);
            FrameCounters.Snapshot settled = counters.snapshot();
            for (int wait = 0; wait < 100 && settled.analysed() + settled.droppedStale() < offers; wait++) {
                Thread.sleep(10);
                settled = counters.snapshot();
            }
            assertEquals(offers, settled.analysed() + settled.droppedStale(), "every offer is either analysed or dropped as stale");
            assertEquals(ran.size(), settled.analysed());
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.facegate.usage;

import io.facegate.domain.usage.ApiUsage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records API calls without slowing them down: {@link #record} only offers the call to a bounded
 * queue, and a managed scheduled task drains it in batches to the database. When the queue is full
 * the call is counted and dropped rather than making the request wait; drops are logged (at most
 * once a minute) and reported by {@link #status()}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UsageRecorder {

    private static final Logger LOG = Logger.getLogger(UsageRecorder.class.getName());
    private static final Duration DROP_REPORT_INTERVAL = Duration.ofMinutes(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    UsageWriter writer;

    @Inject
    UsageSettings settings;

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private BlockingQueue<ApiCall> queue;
    private ScheduledFuture<?> flushing;
    private long droppedAtLastReport;
    private Instant lastDropReport = Instant.EPOCH;

    @PostConstruct
    void start() {
        createQueue();
        flushing = scheduler.scheduleWithFixedDelay(this::flush, settings.flushIntervalMs(), settings.flushIntervalMs(), TimeUnit.MILLISECONDS);
    }

    void createQueue() {
        queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    @PreDestroy
    void stop() {
        flushing.cancel(false);
        flush();
    }

    /** Queues a call for writing; never blocks, and drops the call when the queue is full. */
    public void record(ApiCall call) {
        if (!queue.offer(call)) {
            dropped.incrementAndGet();
        }
    }

    public UsageTrackingStatus status() {
        return new UsageTrackingStatus(queue.size(), queue.size() + queue.remainingCapacity(),
                written.get(), dropped.get(), failed.get());
    }

    /** Writes everything queued, a batch at a time. Must not throw: the schedule would stop. */
    synchronized void flush() {
        List<ApiCall> batch = new ArrayList<>();
        while (queue.drainTo(batch, settings.batchSize()) > 0) {
            write(batch);
            batch.clear();
        }
        reportDrops();
    }

    private void write(List<ApiCall> calls) {
        List<ApiUsage> rows = new ArrayList<>(calls.size());
        for (ApiCall call : calls) {
            try {
                rows.add(call.toUsage());
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                LOG.log(Level.WARNING, "API call not recordable: " + call, e);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try {
            writer.write(rows);
            written.addAndGet(rows.size());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write a batch of " + rows.size() + " API usage rows; writing them one by one", e);
            rows.forEach(this::writeAlone);
        }
    }

    /** One row in its own transaction: a row the database refuses costs only itself, never its batch. */
    private void writeAlone(ApiUsage row) {
        try {
            writer.write(List.of(row));
            written.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            LOG.log(Level.WARNING, "API usage row of client " + row.getClientId() + " not recordable; it is lost", e);
        }
    }

    private void reportDrops() {
        long total = dropped.get();
        Instant now = Instant.now();
        if (total > droppedAtLastReport && now.isAfter(lastDropReport.plus(DROP_REPORT_INTERVAL))) {
            long recent = total - droppedAtLastReport;
            LOG.warning(() -> "API usage queue full (capacity " + settings.queueCapacity() + "): " + recent
                    + " calls not recorded since the last report, " + total + " since start");
            droppedAtLastReport = total;
            lastDropReport = now;
        }
    }
}

package io.facegate.webhooks;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the outbox. Woken after every commit that queued deliveries, and every poll interval for
 * retries that fell due and deliveries other servers queued, it claims due deliveries while it has
 * room ({@code facegate.webhooks.concurrency} endpoints at once) and sends each endpoint's claimed
 * deliveries one after the other, oldest first, on a managed executor, outside any transaction.
 * An endpoint this server is sending to is not claimed again until its batch is done, so per
 * endpoint and server deliveries go in order; across servers, retries and replays, order is
 * best-effort and receivers should order by the payload's timestamp.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedExecutorDefinition(name = WebhookDispatcher.EXECUTOR, maxAsync = WebhookSettings.MAX_CONCURRENCY)
public class WebhookDispatcher {

    static final String EXECUTOR = "java:app/concurrent/facegate-webhooks";

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService senders;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookSettings settings;

    /** Endpoints with a batch in flight on this server. */
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean pollAgain = new AtomicBoolean();
    private volatile boolean stopping;
    private Semaphore slots;
    private ScheduledFuture<?> ticker;

    @PostConstruct
    void start() {
        slots = new Semaphore(settings.concurrency());
        long interval = settings.pollInterval().toMillis();
        ticker = scheduler.scheduleWithFixedDelay(this::wake, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops claiming and lets the batches in flight finish (each gives back what it has not sent);
     * a delivery still claimed when the server goes is sent again once its lease ends.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        ticker.cancel(false);
        try {
            long waitMillis = settings.timeout().plusSeconds(5).toMillis();
            if (slots.tryAcquire(settings.concurrency(), waitMillis, TimeUnit.MILLISECONDS)) {
                slots.release(settings.concurrency());
            } else {
                LOG.warning("Webhook deliveries still in flight at shutdown: they are sent again after their lease");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Looks for due deliveries now (or right after the look in progress). Never blocks. */
    public void wake() {
        if (stopping) {
            return;
        }
        pollAgain.set(true);
        if (polling.compareAndSet(false, true)) {
            scheduler.execute(this::poll);
        }
    }

    /** One poller at a time: claims while there is room, hands each endpoint's batch to a sender. */
    private void poll() {
        do {
            pollAgain.set(false);
            try {
                claimWhileThereIsRoom();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not claim webhook deliveries; trying again at the next poll", e);
            } finally {
                polling.set(false);
            }
        } while (pollAgain.get() && !stopping && polling.compareAndSet(false, true));
    }

    private void claimWhileThereIsRoom() {
        while (!stopping && slots.availablePermits() > 0) {
            List<ClaimedBatch> batches = outbox.claim(Set.copyOf(busy), slots.availablePermits(), Instant.now());
            if (batches.isEmpty()) {
                return;
            }
            for (ClaimedBatch batch : batches) {
                // Only this poller takes slots, and it claimed no more endpoints than were free.
                slots.acquireUninterruptibly();
                busy.add(batch.target().id());
                senders.execute(() -> {
                    try {
                        send(batch);
                    } finally {
                        busy.remove(batch.target().id());
                        slots.release();
                        wake();
                    }
                });
            }
        }
    }

    /** Sends one endpoint's batch in order, stopping at the first failure (the rest waits with it). */
    private void send(ClaimedBatch batch) {
        List<SentDelivery> sent = new ArrayList<>();
        List<UUID> unsent = new ArrayList<>();
        boolean failed = false;
        for (OutgoingDelivery delivery : batch.deliveries()) {
            if (failed || stopping) {
                unsent.add(delivery.id());
                continue;
            }
            AttemptResult result = sender.send(batch.target(), delivery);
            sent.add(new SentDelivery(delivery, result));
            failed = !result.accepted();
        }
        try {
            outbox.record(batch.target().id(), sent, unsent, Instant.now());
        } catch (RuntimeException first) {
            // A client changed the endpoint at the same moment (optimistic lock): once more on fresh state.
            try {
                outbox.record(batch.target().id(), sent, unsent, Instant.now());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not record " + sent.size() + " attempts to " + batch.target()
                        + "; their deliveries are sent again after their lease", e);
            }
        }
    }
}

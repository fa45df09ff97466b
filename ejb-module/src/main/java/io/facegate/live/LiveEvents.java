package io.facegate.live;

import io.facegate.attendance.AttendanceLogged;
import io.facegate.cameras.CameraWentOffline;
import io.facegate.cameras.CameraWentOnline;
import io.facegate.detections.DetectionRecorded;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The facts a tenant's open consoles follow live: detections, cameras going online or offline and
 * attendance logs, handed to that tenant's subscribers only, once their transaction committed (a
 * rolled-back detection never shows). Delivery is best effort and in memory: a subscriber that falls
 * behind loses facts and is told so ({@link Subscription#takeOverflow()}), so it re-reads the lists;
 * with several servers, a console sees the facts of the server it is connected to (cameras are
 * polled, and their facts fired, by the server holding their lease).
 */
@ApplicationScoped
public class LiveEvents {

    /** A few console tabs per tenant: each stream holds a request thread while open. */
    public static final int MAX_SUBSCRIBERS_PER_CLIENT = 10;
    /** Facts waiting for one slow subscriber; far more than a busy entrance makes between two writes. */
    static final int QUEUE_CAPACITY = 256;

    private final ConcurrentMap<UUID, Set<Subscription>> subscribers = new ConcurrentHashMap<>();

    /**
     * @throws FaceGateException 429 {@code too_many_streams} when the client already has its maximum of open streams
     */
    public Subscription subscribe(UUID clientId) {
        Subscription subscription = new Subscription(clientId);
        Set<Subscription> tenant = subscribers.computeIfAbsent(clientId, id -> ConcurrentHashMap.newKeySet());
        synchronized (tenant) {
            if (tenant.size() >= MAX_SUBSCRIBERS_PER_CLIENT) {
                throw new FaceGateException(ErrorKind.RATE_LIMITED, "too_many_streams",
                        "this client already has " + MAX_SUBSCRIBERS_PER_CLIENT + " live event streams open");
            }
            tenant.add(subscription);
        }
        return subscription;
    }

    void detection(@Observes(during = TransactionPhase.AFTER_SUCCESS) DetectionRecorded fact) {
        publish(fact.clientId(), fact);
    }

    void cameraOnline(@Observes(during = TransactionPhase.AFTER_SUCCESS) CameraWentOnline fact) {
        publish(fact.clientId(), fact);
    }

    void cameraOffline(@Observes(during = TransactionPhase.AFTER_SUCCESS) CameraWentOffline fact) {
        publish(fact.clientId(), fact);
    }

    void attendance(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttendanceLogged fact) {
        publish(fact.clientId(), fact);
    }

    /** Never blocks the committing thread: a full queue drops the fact and marks the overflow. */
    void publish(UUID clientId, Object fact) {
        Set<Subscription> tenant = subscribers.get(clientId);
        if (tenant != null) {
            tenant.forEach(subscription -> subscription.offer(fact));
        }
    }

    /** One open stream of one client's facts; close it when the stream ends. */
    public final class Subscription implements AutoCloseable {

        private final UUID clientId;
        private final BlockingQueue<Object> facts = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        private final AtomicBoolean overflowed = new AtomicBoolean();

        private Subscription(UUID clientId) {
            this.clientId = clientId;
        }

        private void offer(Object fact) {
            if (!facts.offer(fact)) {
                overflowed.set(true);
            }
        }

        /**
         * @return the next fact ({@link DetectionRecorded}, {@link CameraWentOnline}, {@link CameraWentOffline}
         *         or {@link AttendanceLogged}), or null when none came within the timeout
         */
        public Object next(long timeoutMillis) throws InterruptedException {
            return facts.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        }

        /** Whether facts were dropped since the last call (the subscriber should re-read what it shows). */
        public boolean takeOverflow() {
            return overflowed.getAndSet(false);
        }

        @Override
        public void close() {
            Set<Subscription> tenant = subscribers.get(clientId);
            if (tenant != null) {
                synchronized (tenant) {
                    tenant.remove(this);
                }
            }
        }
    }
}

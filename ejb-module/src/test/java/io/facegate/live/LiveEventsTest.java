package io.facegate.live;

import io.facegate.cameras.CameraWentOffline;
import io.facegate.cameras.CameraWentOnline;
import io.facegate.system.FaceGateException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveEventsTest {

    private final LiveEvents events = new LiveEvents();
    private final UUID tenant = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void aFactReachesEverySubscriberOfItsTenantAndNoOneElse() throws Exception {
        try (LiveEvents.Subscription first = events.subscribe(tenant); LiveEvents.Subscription second = events.subscribe(tenant);
             LiveEvents.Subscription stranger = events.subscribe(other)) {
            CameraWentOnline online = new CameraWentOnline(tenant, UUID.randomUUID(), "DOOR-1", Instant.now());
            events.cameraOnline(online);
            assertSame(online, first.next(100));
            assertSame(online, second.next(100));
            assertNull(stranger.next(50), "another tenant's console sees nothing");
        }
    }

    @Test
    void aClosedSubscriptionGetsNothingMoreAndFreesItsPlace() throws Exception {
        List<LiveEvents.Subscription> open = new ArrayList<>();
        for (int i = 0; i < LiveEvents.MAX_SUBSCRIBERS_PER_CLIENT; i++) {
            open.add(events.subscribe(tenant));
        }
        FaceGateException refused = assertThrows(FaceGateException.class, () -> events.subscribe(tenant));
        assertEquals("too_many_streams", refused.code());
        events.subscribe(other).close(); // the limit is per tenant

        LiveEvents.Subscription closed = open.remove(0);
        closed.close();
        events.cameraOffline(new CameraWentOffline(tenant, UUID.randomUUID(), "DOOR-1", "timeout", Instant.now()));
        assertNull(closed.next(20));
        events.subscribe(tenant).close();
        open.forEach(LiveEvents.Subscription::close);
    }

    @Test
    void aSubscriberThatFallsBehindLosesFactsAndIsToldOnce() throws Exception {
        try (LiveEvents.Subscription slow = events.subscribe(tenant)) {
            for (int i = 0; i < LiveEvents.QUEUE_CAPACITY + 5; i++) {
                events.cameraOnline(new CameraWentOnline(tenant, UUID.randomUUID(), "CAM-" + i, Instant.now()));
            }
            assertTrue(slow.takeOverflow());
            assertFalse(slow.takeOverflow(), "told once, until it falls behind again");
            int received = 0;
            while (slow.next(0) != null) {
                received++;
            }
            assertEquals(LiveEvents.QUEUE_CAPACITY, received, "the oldest facts are kept, the newest dropped");
        }
    }
}

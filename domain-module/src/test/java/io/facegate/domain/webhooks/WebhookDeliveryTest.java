package io.facegate.domain.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void aFailedAttemptWaitsForItsRetryAndASuccessEndsIt() {
        WebhookDelivery delivery = WebhookDelivery.queued(UUID.randomUUID(), "client_user.deleted", "{}", T0);
        assertEquals(DeliveryStatus.PENDING, delivery.getStatus());
        assertEquals(T0, delivery.getNextAttemptAt(), "due at once");

        delivery.claim(T0.plusSeconds(180));
        assertEquals(DeliveryStatus.SENDING, delivery.getStatus());
        WebhookAttempt first = delivery.recordAttempt(AttemptTrigger.SCHEDULED, T0, 12.5, 503, "busy", null, false, T0.plusSeconds(5));
        assertEquals(1, first.getAttemptNumber());
        assertEquals(T0.plusSeconds(5), first.getNextAttemptAt());
        assertEquals(DeliveryStatus.PENDING, delivery.getStatus());
        assertEquals(503, delivery.getLastStatusCode());

        delivery.claim(T0.plusSeconds(200));
        WebhookAttempt second = delivery.recordAttempt(AttemptTrigger.SCHEDULED, T0.plusSeconds(5), 3, 200, "ok", null, true, null);
        assertEquals(2, second.getAttemptNumber());
        assertEquals(DeliveryStatus.SUCCEEDED, delivery.getStatus());
        assertNull(delivery.getNextAttemptAt());
    }

    @Test
    void noNextAttemptFailsItForGoodAndAReplayStartsANewRound() {
        WebhookDelivery delivery = WebhookDelivery.queued(UUID.randomUUID(), "ping", "{}", T0);
        delivery.recordAttempt(AttemptTrigger.SCHEDULED, T0, 1, null, null, "Connection refused", false, null);
        assertEquals(DeliveryStatus.FAILED, delivery.getStatus());
        assertEquals(AttemptTrigger.SCHEDULED, delivery.nextTrigger());

        delivery.replay(T0.plusSeconds(60));
        assertEquals(DeliveryStatus.PENDING, delivery.getStatus());
        assertEquals(0, delivery.getRoundAttempts(), "the retry schedule starts over");
        assertEquals(AttemptTrigger.REPLAY, delivery.nextTrigger());
        WebhookAttempt replayed = delivery.recordAttempt(delivery.nextTrigger(), T0.plusSeconds(60), 1, 204, "", null, true, null);
        assertEquals(2, replayed.getAttemptNumber(), "attempts are numbered across rounds");
        assertEquals(AttemptTrigger.REPLAY, replayed.getTrigger());
        assertThrows(IllegalStateException.class, () -> WebhookDelivery.queued(UUID.randomUUID(), "x", "{}", T0).replay(T0),
                "an outstanding delivery is not replayed");
    }

    @Test
    void aNoticeIsNeverSentAndLongAnswersAreCut() {
        WebhookDelivery notice = WebhookDelivery.notice(UUID.randomUUID(), "webhook.disabled", "{}", T0);
        assertEquals(DeliveryStatus.NOTICE, notice.getStatus());
        assertThrows(IllegalStateException.class, () -> notice.recordAttempt(AttemptTrigger.SCHEDULED, T0, 1, 200, "", null, true, null));
        assertThrows(IllegalStateException.class, () -> notice.replay(T0));

        WebhookDelivery delivery = WebhookDelivery.queued(UUID.randomUUID(), "ping", "{}", T0);
        WebhookAttempt attempt = delivery.recordAttempt(AttemptTrigger.SCHEDULED, T0, 1, 500, "x\u0000".repeat(5000), "e".repeat(2000), false, null);
        assertEquals(WebhookAttempt.MAX_EXCERPT_LENGTH, attempt.getResponseExcerpt().length());
        assertEquals(-1, attempt.getResponseExcerpt().indexOf('\u0000'), "PostgreSQL text holds no NUL");
        assertEquals(WebhookDelivery.MAX_ERROR_LENGTH, attempt.getError().length());
    }

    @Test
    void cancellingAndReleasingTouchOnlyOutstandingDeliveries() {
        WebhookDelivery delivery = WebhookDelivery.queued(UUID.randomUUID(), "ping", "{}", T0);
        delivery.claim(T0.plusSeconds(180));
        delivery.release(T0.plusSeconds(5));
        assertEquals(DeliveryStatus.PENDING, delivery.getStatus());
        assertEquals(T0.plusSeconds(5), delivery.getNextAttemptAt());
        delivery.cancel("the webhook was deactivated");
        assertEquals(DeliveryStatus.CANCELLED, delivery.getStatus());
        assertNull(delivery.getNextAttemptAt());
        delivery.release(T0);
        assertEquals(DeliveryStatus.CANCELLED, delivery.getStatus());
    }
}

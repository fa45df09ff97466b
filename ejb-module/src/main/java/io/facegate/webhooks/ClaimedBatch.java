package io.facegate.webhooks;

import java.util.List;

/** One endpoint's claimed deliveries, oldest first, to be sent one after the other. */
public record ClaimedBatch(EndpointTarget target, List<OutgoingDelivery> deliveries) {
}

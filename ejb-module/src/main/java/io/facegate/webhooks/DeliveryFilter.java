package io.facegate.webhooks;

import io.facegate.domain.webhooks.DeliveryStatus;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.system.Period;

import java.util.Arrays;
import java.util.Map;

/**
 * Which deliveries of an endpoint's log a caller asks for; every part is optional.
 *
 * @param period inclusive bounds on when the delivery was created
 */
public record DeliveryFilter(String eventType, DeliveryStatus status, Period period) {

    /** Reads the query parameters; a malformed status or date is a 400 naming it. */
    public static DeliveryFilter parse(String event, String status, String from, String to) {
        return new DeliveryFilter(blank(event) ? null : event.strip(), blank(status) ? null : status(status.strip()),
                Period.parse(from, to));
    }

    private static DeliveryStatus status(String name) {
        return DeliveryStatus.fromApiName(name).orElseThrow(() -> new FaceGateException(ErrorKind.INVALID_REQUEST,
                "invalid_status", "unknown delivery status: " + name,
                Map.of("allowed", Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::apiName).toList())));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

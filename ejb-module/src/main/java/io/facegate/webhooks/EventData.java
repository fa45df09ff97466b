package io.facegate.webhooks;

import io.facegate.domain.shared.JsonProcessing;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * An event's JSON object, built from plain values: absent facts are JSON null (so every payload
 * of a type has the same fields), instants are ISO-8601 in UTC, ids are strings.
 */
public final class EventData {

    private final JsonObjectBuilder object = JsonProcessing.PROVIDER.createObjectBuilder();

    private EventData() {
    }

    public static EventData create() {
        return new EventData();
    }

    /** @param value null, a String, Boolean, Integer, Long, Double, Instant, JsonValue, or anything whose toString is its id */
    public EventData put(String name, Object value) {
        if (value == null) {
            object.addNull(name);
        } else if (value instanceof Boolean flag) {
            object.add(name, flag);
        } else if (value instanceof Integer || value instanceof Long) {
            object.add(name, ((Number) value).longValue());
        } else if (value instanceof Number number) {
            object.add(name, number.doubleValue());
        } else if (value instanceof Instant instant) {
            object.add(name, timestamp(instant));
        } else if (value instanceof JsonValue json) {
            object.add(name, json);
        } else {
            object.add(name, value.toString());
        }
        return this;
    }

    public JsonObject build() {
        return object.build();
    }

    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}

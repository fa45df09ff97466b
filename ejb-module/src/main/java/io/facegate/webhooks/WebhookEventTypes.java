package io.facegate.webhooks;

import io.facegate.domain.webhooks.WebhookEndpoint;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The event types there are: every {@link WebhookEventType} bean, plus the two FaceGate sends on its own. */
@ApplicationScoped
public class WebhookEventTypes {

    /** Sent by {@code POST /api/webhooks/{id}/test/}, whatever the endpoint subscribed to. */
    public static final String PING = "ping";
    /** Written to an endpoint's log (never sent) when FaceGate disables it. */
    public static final String WEBHOOK_DISABLED = "webhook.disabled";

    @Inject
    @Any
    Instance<WebhookEventType> types;

    private SortedMap<String, String> subscribable;

    @PostConstruct
    void collect() {
        SortedMap<String, String> names = new TreeMap<>();
        for (WebhookEventType type : types) {
            if (names.put(type.name(), type.description()) != null) {
                throw new IllegalStateException("two webhook event types are named " + type.name());
            }
        }
        subscribable = Collections.unmodifiableSortedMap(names);
    }

    /** Name to description of the types an endpoint can subscribe to. */
    public Map<String, String> subscribable() {
        return subscribable;
    }

    /**
     * @return the subscription as given, when every entry is a subscribable type or {@value WebhookEndpoint#ALL_EVENTS}
     * @throws FaceGateException 400 {@code invalid_events} naming the unknown ones and the known ones
     */
    public List<String> check(List<String> events) {
        List<String> unknown = new ArrayList<>();
        for (String event : events) {
            if (event == null || !(WebhookEndpoint.ALL_EVENTS.equals(event) || subscribable.containsKey(event))) {
                unknown.add(String.valueOf(event));
            }
        }
        if (!unknown.isEmpty()) {
            List<String> allowed = new ArrayList<>(subscribable.keySet());
            allowed.add(0, WebhookEndpoint.ALL_EVENTS);
            throw new FaceGateException(ErrorKind.INVALID_REQUEST, "invalid_events",
                    "unknown event types: " + String.join(", ", unknown), Map.of("unknown", unknown, "allowed", allowed));
        }
        return events;
    }
}

package io.facegate.usage;

import java.util.Locale;

/** How a call reached FaceGate; recorded in each usage row's metadata. */
public enum Transport {
    REST,
    WEBSOCKET;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

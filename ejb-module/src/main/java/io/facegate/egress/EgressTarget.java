package io.facegate.egress;

import java.util.List;
import java.util.Locale;

/**
 * A kind of place FaceGate connects to because a client told it to: each kind has its own URL
 * schemes and its own operator allowlist ({@code FACEGATE_EGRESS_<KIND>_ALLOW}).
 */
public enum EgressTarget {
    /** Cameras live on LANs: private and public addresses by default; RTSP besides HTTP(S). */
    CAMERA(List.of("http", "https", "rtsp"), "private,public"),
    /** Webhooks go to the client's public endpoints: public addresses by default. */
    WEBHOOK(List.of("http", "https"), "public"),
    /** Photos a client names by URL (seed 002's {@code imageUrl}): public addresses by default, like webhooks. */
    IMAGE(List.of("http", "https"), "public");

    private final List<String> schemes;
    private final String defaultAllowlist;

    EgressTarget(List<String> schemes, String defaultAllowlist) {
        this.schemes = schemes;
        this.defaultAllowlist = defaultAllowlist;
    }

    public List<String> schemes() {
        return schemes;
    }

    public String defaultAllowlist() {
        return defaultAllowlist;
    }

    /** The lower-case name used in messages and in the setting's name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The environment variable that sets this kind's allowlist. */
    public String variable() {
        return "FACEGATE_EGRESS_" + name() + "_ALLOW";
    }
}

package io.facegate.egress;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's allowlists, one per kind of target ({@code FACEGATE_EGRESS_CAMERA_ALLOW},
 * {@code FACEGATE_EGRESS_WEBHOOK_ALLOW}, {@code FACEGATE_EGRESS_IMAGE_ALLOW}): a list replaces its kind's default, so an operator can
 * narrow cameras to one VLAN as well as let them reach loopback. A malformed list stops the
 * deployment rather than silently allowing or refusing everything.
 */
@ApplicationScoped
public class EgressSettings {

    /** Strings, not lists: Payara cannot inject an optional list. */
    @Inject
    @ConfigProperty(name = "facegate.egress.camera.allow")
    Optional<String> cameraAllow;

    @Inject
    @ConfigProperty(name = "facegate.egress.webhook.allow")
    Optional<String> webhookAllow;

    @Inject
    @ConfigProperty(name = "facegate.egress.image.allow")
    Optional<String> imageAllow;

    private final Map<EgressTarget, Allowlist> allowlists = new EnumMap<>(EgressTarget.class);

    public EgressSettings() {
    }

    /** Settings outside the container (tests): each target's list, or its default when absent. */
    public EgressSettings(Map<EgressTarget, String> lists) {
        for (EgressTarget target : EgressTarget.values()) {
            allowlists.put(target, parse(target, Optional.ofNullable(lists.get(target))));
        }
    }

    @PostConstruct
    void read() {
        allowlists.put(EgressTarget.CAMERA, parse(EgressTarget.CAMERA, cameraAllow));
        allowlists.put(EgressTarget.WEBHOOK, parse(EgressTarget.WEBHOOK, webhookAllow));
        allowlists.put(EgressTarget.IMAGE, parse(EgressTarget.IMAGE, imageAllow));
    }

    public Allowlist allowlist(EgressTarget target) {
        return allowlists.get(target);
    }

    private static Allowlist parse(EgressTarget target, Optional<String> setting) {
        try {
            return Allowlist.parse(setting.filter(s -> !s.isBlank()).orElse(target.defaultAllowlist()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(target.variable() + ": " + e.getMessage(), e);
        }
    }
}

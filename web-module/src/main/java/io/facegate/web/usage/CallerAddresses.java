package io.facegate.web.usage;

import io.facegate.usage.UsageSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The caller's address for usage rows, REST and WebSocket alike: X-Forwarded-For only from trusted proxies. */
@ApplicationScoped
public class CallerAddresses {

    @Inject
    UsageSettings settings;

    private ClientAddresses addresses;

    @PostConstruct
    void readTrustedProxies() {
        addresses = ClientAddresses.trusting(settings.trustedProxies());
    }

    /**
     * @param remoteAddress the peer of the connection; may be null when the container does not tell
     * @param forwardedFor  the {@code X-Forwarded-For} header, may be null
     */
    public String resolve(String remoteAddress, String forwardedFor) {
        return remoteAddress == null ? null : addresses.resolve(remoteAddress, forwardedFor);
    }
}

package io.facegate.system;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the call being answered came from, as its transport told the boundary that took it: the
 * caller's address (through trusted proxies) and {@code User-Agent}. The REST boundary fills it
 * before any resource runs; use cases read it for the records that name the caller (the audit log).
 * Empty where no caller is (timers, batch jobs) or the transport does not say.
 */
@RequestScoped
public class CallMetadata {

    private String ipAddress;
    private String userAgent;

    public void describe(String ipAddress, String userAgent) {
        this.ipAddress = ipAddress;
        this.userAgent = userAgent;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public String userAgent() {
        return userAgent;
    }
}

package io.facegate.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The audit log's settings ({@code FACEGATE_AUDIT_*} in the environment). */
@ApplicationScoped
public class AuditSettings {

    /** Entries older than this are deleted by the nightly purge-audit-logs job; 0 keeps them. */
    @Inject
    @ConfigProperty(name = "facegate.audit.retention-days", defaultValue = "365")
    int retentionDays;

    public int retentionDays() {
        return retentionDays;
    }
}

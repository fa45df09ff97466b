package io.facegate.web.security;

import io.facegate.domain.audit.AuditEntry;
import io.facegate.domain.shared.JsonProcessing;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.time.Instant;

/**
 * Seed 004's audit entry. {@code ip_address} and {@code user_agent} name the REST call that caused
 * it; they are null for facts no caller made (a scheduled report) or whose transport does not say
 * (frames over WebSocket).
 */
public record AuditEntryView(long id, Instant timestamp, String action, String userId, String severity, boolean success, String ipAddress,
                             String userAgent, JsonObject details) {

    static AuditEntryView of(AuditEntry entry) {
        JsonObject details;
        try (var reader = JsonProcessing.PROVIDER.createReader(new StringReader(entry.getDetails()))) {
            details = reader.readObject();
        }
        return new AuditEntryView(entry.getId(), entry.getOccurredAt(), entry.getAction().apiName(), entry.getUserId(),
                entry.getSeverity().apiName(), entry.isSuccess(), entry.getIpAddress(),
                entry.getUserAgent(), details);
    }
}

package io.facegate.web.usage;

import io.facegate.domain.usage.ApiUsage;
import io.facegate.web.http.JsonDocuments;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** Seed 000's usage row; {@code endpoint} is the category. */
public record UsageView(UUID id, String endpoint, String method, int statusCode, double responseTimeMs,
                        String ipAddress, String userAgent, Instant createdAt, JsonObject metadata) {

    public static UsageView of(ApiUsage usage) {
        return new UsageView(usage.getId(), usage.getEndpoint().code(), usage.getMethod(), usage.getStatusCode(),
                usage.getResponseTimeMs(), usage.getIpAddress(), usage.getUserAgent(), usage.getCreatedAt(),
                JsonDocuments.object(usage.getMetadata()));
    }
}

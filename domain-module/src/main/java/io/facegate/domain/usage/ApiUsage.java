package io.facegate.domain.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One authenticated API call of a client, kept for billing and analytics. Immutable once written;
 * rows leave only through the retention purge or with their client.
 */
@Entity
@Table(name = "api_usage")
@NamedQuery(name = ApiUsage.DELETE_OLDER_THAN, query = "delete from ApiUsage u where u.createdAt < :cutoff")
public class ApiUsage {

    public static final String DELETE_OLDER_THAN = "ApiUsage.deleteOlderThan";
    public static final int MAX_METHOD_LENGTH = 16;
    public static final int MAX_IP_ADDRESS_LENGTH = 45;
    public static final int MAX_USER_AGENT_LENGTH = 512;

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(nullable = false, updatable = false)
    private EndpointCategory endpoint;

    @Column(nullable = false, updatable = false)
    private String method;

    @Column(name = "status_code", nullable = false, updatable = false)
    private int statusCode;

    @Column(name = "response_time_ms", nullable = false, updatable = false)
    private double responseTimeMs;

    @Column(name = "ip_address", updatable = false)
    private String ipAddress;

    @Column(name = "user_agent", updatable = false)
    private String userAgent;

    /** JSON object: {@code path}, {@code query_params}, {@code view_name}. */
    @Column(nullable = false, updatable = false)
    private String metadata;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ApiUsage() {
        // for JPA
    }

    /** Over-long method, address and user agent are cut to the column sizes: a record never fails for them. */
    public ApiUsage(UUID clientId, EndpointCategory endpoint, String method, int statusCode, double responseTimeMs,
                    String ipAddress, String userAgent, String metadataJson, Instant createdAt) {
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("status code must be between 100 and 599: " + statusCode);
        }
        if (!(responseTimeMs >= 0)) {
            throw new IllegalArgumentException("response time must be >= 0 ms: " + responseTimeMs);
        }
        this.id = UUID.randomUUID();
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.method = cut(Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT), MAX_METHOD_LENGTH);
        this.statusCode = statusCode;
        this.responseTimeMs = responseTimeMs;
        this.ipAddress = cut(ipAddress, MAX_IP_ADDRESS_LENGTH);
        this.userAgent = cut(userAgent, MAX_USER_AGENT_LENGTH);
        this.metadata = metadataJson == null ? "{}" : metadataJson;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    private static String cut(String value, int maxLength) {
        return value == null || value.length() <= maxLength ? value : value.substring(0, maxLength);
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public EndpointCategory getEndpoint() {
        return endpoint;
    }

    public String getMethod() {
        return method;
    }

    public int getStatusCode() {
        return statusCode;
    }

    public double getResponseTimeMs() {
        return responseTimeMs;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getMetadata() {
        return metadata;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

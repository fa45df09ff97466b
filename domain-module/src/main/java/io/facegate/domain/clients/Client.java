package io.facegate.domain.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant of FaceGate: a business that integrates the API. Everything else a caller can see
 * belongs to exactly one client.
 */
@Entity
@Table(name = "client")
@NamedQuery(name = Client.BY_API_KEY, query = "select c from Client c where c.apiKey = :apiKey")
@NamedQuery(name = Client.ALL, query = "select c from Client c order by c.createdAt desc")
public class Client {

    public static final String BY_API_KEY = "Client.byApiKey";
    public static final String ALL = "Client.all";

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "api_key", nullable = false, unique = true, updatable = false)
    private String apiKey;

    @Column(name = "api_secret_hash", nullable = false)
    private String apiSecretHash;

    @Column(name = "api_secret_sealed", nullable = false)
    private String apiSecretSealed;

    /** Incremented by every rotation: tokens issued under an older generation are revoked. */
    @Column(name = "secret_generation", nullable = false)
    private int secretGeneration;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClientStatus status;

    /** Whether the API key alone (a browser) may replace an enrolled person's face; off by default. */
    @Column(name = "allow_browser_reenrollment", nullable = false)
    private boolean browserReenrollmentAllowed;

    /** JSON array of the web origins whose pages may use this client's credentials from a browser. */
    @Column(name = "allowed_origins", nullable = false)
    private String allowedOrigins;

    /** JSON object of the operator's rate limits per category; categories not named use the defaults. */
    @Column(name = "rate_limits", nullable = false)
    private String rateLimits = "{}";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Client() {
        // for JPA
    }

    public Client(String name, String apiKey, String apiSecretHash, String apiSecretSealed, String allowedOrigins) {
        this.id = UUID.randomUUID();
        this.name = requireText(name, "name");
        this.apiKey = requireText(apiKey, "apiKey");
        this.apiSecretHash = requireText(apiSecretHash, "apiSecretHash");
        this.apiSecretSealed = requireText(apiSecretSealed, "apiSecretSealed");
        this.allowedOrigins = allowedOrigins == null ? "[]" : allowedOrigins;
        this.status = ClientStatus.ACTIVE;
        this.secretGeneration = 1;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void rotateSecret(String newSecretHash, String newSecretSealed) {
        this.apiSecretHash = requireText(newSecretHash, "apiSecretHash");
        this.apiSecretSealed = requireText(newSecretSealed, "apiSecretSealed");
        this.secretGeneration++;
        touch();
    }

    public void disable() {
        this.status = ClientStatus.DISABLED;
        touch();
    }

    public void enable() {
        this.status = ClientStatus.ACTIVE;
        touch();
    }

    public void rename(String newName) {
        this.name = requireText(newName, "name");
        touch();
    }

    public void allowOrigins(String originsJson) {
        this.allowedOrigins = Objects.requireNonNull(originsJson, "allowedOrigins");
        touch();
    }

    public void allowBrowserReenrollment(boolean allowed) {
        this.browserReenrollmentAllowed = allowed;
        touch();
    }

    public void limitRates(String rateLimitsJson) {
        this.rateLimits = Objects.requireNonNull(rateLimitsJson, "rateLimits");
        touch();
    }

    public String getRateLimits() {
        return rateLimits;
    }

    public boolean isBrowserReenrollmentAllowed() {
        return browserReenrollmentAllowed;
    }

    public boolean isActive() {
        return status == ClientStatus.ACTIVE;
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getApiKey() {
        return apiKey;
    }

    public String getApiSecretHash() {
        return apiSecretHash;
    }

    public String getApiSecretSealed() {
        return apiSecretSealed;
    }

    public int getSecretGeneration() {
        return secretGeneration;
    }

    public ClientStatus getStatus() {
        return status;
    }

    public String getAllowedOrigins() {
        return allowedOrigins;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

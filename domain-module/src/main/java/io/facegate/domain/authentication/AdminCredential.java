package io.facegate.domain.authentication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The operator credential created at first start; it manages clients and nothing else. */
@Entity
@Table(name = "admin_credential")
@NamedQuery(name = AdminCredential.BY_NAME, query = "select a from AdminCredential a where a.name = :name")
public class AdminCredential {

    public static final String BY_NAME = "AdminCredential.byName";
    public static final String BOOTSTRAP_NAME = "bootstrap";

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    private String name;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected AdminCredential() {
        // for JPA
    }

    public AdminCredential(String name, String tokenHash) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = Instant.now();
    }

    public void replaceToken(String newTokenHash) {
        this.tokenHash = newTokenHash;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTokenHash() {
        return tokenHash;
    }
}

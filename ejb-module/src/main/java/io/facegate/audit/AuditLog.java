package io.facegate.audit;

import io.facegate.domain.audit.AuditEntry;
import io.facegate.system.FilteredListing;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/** Reads a client's audit log, newest first. There is deliberately nothing here that changes an entry. */
@Stateless
public class AuditLog {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    public Page<AuditEntry> entries(UUID clientId, AuditFilter filter, int offset, int limit) {
        return FilteredListing.of(AuditEntry.class, "a")
                .filter("a.clientId = :clientId", "clientId", clientId)
                .filter("a.action = :action", "action", filter.action())
                .filter("a.userId = :userId", "userId", filter.userId())
                .filter("a.occurredAt >= :from", "from", filter.from())
                .filter("a.severity = :severity", "severity", filter.severity())
                .page(em, "a.occurredAt desc, a.id desc", offset, limit);
    }
}

package io.facegate.audit;

import io.facegate.domain.audit.AuditAction;
import io.facegate.domain.audit.AuditSeverity;

import java.time.Instant;

/** Seed 004's filters of the audit log; null fields do not filter. */
public record AuditFilter(AuditAction action, String userId, Instant from, AuditSeverity severity) {
}

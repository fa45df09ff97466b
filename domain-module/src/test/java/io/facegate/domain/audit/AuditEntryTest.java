package io.facegate.domain.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuditEntryTest {

    private static final UUID CLIENT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2024-03-15T08:45:23Z");

    @Test
    void anOverlongUserIdIsCutNotRefused() {
        AuditEntry entry = new AuditEntry(CLIENT, AT, AuditAction.LOGIN, "x".repeat(300), true, AuditSeverity.INFO, null);
        assertEquals(AuditEntry.MAX_USER_ID_LENGTH, entry.getUserId().length());
        assertEquals("{}", entry.getDetails());
    }

    @Test
    void anEntryNeedsItsClientTimeActionAndSeverity() {
        assertThrows(NullPointerException.class, () -> new AuditEntry(null, AT, AuditAction.LOGIN, null, true, AuditSeverity.INFO, "{}"));
        assertThrows(NullPointerException.class, () -> new AuditEntry(CLIENT, null, AuditAction.LOGIN, null, true, AuditSeverity.INFO, "{}"));
        assertThrows(NullPointerException.class, () -> new AuditEntry(CLIENT, AT, null, null, true, AuditSeverity.INFO, "{}"));
        assertThrows(NullPointerException.class, () -> new AuditEntry(CLIENT, AT, AuditAction.LOGIN, null, true, null, "{}"));
    }

    @Test
    void apiNamesAreTheSeedsFilterValues() {
        assertEquals("login", AuditAction.LOGIN.apiName());
        assertEquals("manual_mark", AuditAction.MANUAL_MARK.apiName());
        assertEquals("warning", AuditSeverity.WARNING.apiName());
    }
}

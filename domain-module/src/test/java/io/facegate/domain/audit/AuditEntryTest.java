package io.facegate.domain.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditEntryTest {

    private static final UUID CLIENT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2024-03-15T08:45:23Z");

    @Test
    void anOverlongUserIdIsCutNotRefused() {
        AuditEntry entry = new AuditEntry(CLIENT, AT, AuditAction.LOGIN, "x".repeat(300), true, AuditSeverity.INFO, null, null, null);
        assertEquals(AuditEntry.MAX_USER_ID_LENGTH, entry.getUserId().length());
        assertEquals("{}", entry.getDetails());
    }

    @Test
    void theCallersAddressAndUserAgentAreKeptAndAnOverlongOneIsCut() {
        AuditEntry entry = new AuditEntry(CLIENT, AT, AuditAction.LOGIN, null, true, AuditSeverity.INFO, "{}", "2001:db8::7",
                "curl/8.5.0 " + "x".repeat(600));
        assertEquals("2001:db8::7", entry.getIpAddress());
        assertEquals(AuditEntry.MAX_USER_AGENT_LENGTH, entry.getUserAgent().length());
        assertTrue(entry.getUserAgent().startsWith("curl/8.5.0"));
    }

    @Test
    void anEntryNeedsItsTimeActionAndSeverityButTheOperatorsHasNoClient() {
        assertThrows(NullPointerException.class, () -> new AuditEntry(CLIENT, null, AuditAction.LOGIN, null, true, AuditSeverity.INFO, "{}",
                null, null));
        assertThrows(NullPointerException.class, () -> new AuditEntry(CLIENT, AT, null, null, true, AuditSeverity.INFO, "{}", null, null));
        assertThrows(NullPointerException.class, () -> new AuditEntry(CLIENT, AT, AuditAction.LOGIN, null, true, null, "{}", null, null));
        assertNull(new AuditEntry(null, AT, AuditAction.API_LOGIN, null, true, AuditSeverity.INFO, "{}", null, null).getClientId());
    }

    @Test
    void apiNamesAreTheSeedsFilterValues() {
        assertEquals("login", AuditAction.LOGIN.apiName());
        assertEquals("manual_mark", AuditAction.MANUAL_MARK.apiName());
        assertEquals("warning", AuditSeverity.WARNING.apiName());
    }
}

package io.facegate.audit;

import io.facegate.domain.audit.AuditAction;
import io.facegate.domain.audit.AuditSeverity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditTrailTest {

    @Test
    void refusalsAndSuspicionsAreWarningsTheRestInformation() {
        assertEquals(AuditSeverity.INFO, AuditTrail.severity(AuditAction.LOGIN, true));
        assertEquals(AuditSeverity.WARNING, AuditTrail.severity(AuditAction.LOGIN, false));
        assertEquals(AuditSeverity.WARNING, AuditTrail.severity(AuditAction.VERIFICATION, false));
        assertEquals(AuditSeverity.WARNING, AuditTrail.severity(AuditAction.SPOOF_SUSPECTED, false));
        assertEquals(AuditSeverity.INFO, AuditTrail.severity(AuditAction.EXPORT, true));
    }
}

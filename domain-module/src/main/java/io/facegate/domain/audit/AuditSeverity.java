package io.facegate.domain.audit;

import java.util.Locale;

/** Seed 004's audit severities. */
public enum AuditSeverity {
    /** An ordinary fact: a login, an enrollment, a successful verification. */
    INFO,
    /** A refusal or a suspicion worth a look: a wrong password, a failed verification, a spoof suspicion. */
    WARNING,
    /** Something that should not have happened. */
    ERROR;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

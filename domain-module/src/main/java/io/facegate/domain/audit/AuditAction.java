package io.facegate.domain.audit;

import java.util.Locale;

/** What an audit entry records; the API names are seed 004's filter values where it has them. */
public enum AuditAction {
    /** A person's password login, granted or refused. */
    LOGIN,
    /**
     * A login with API credentials, granted or refused: a client's key and secret, its key alone (a
     * browser's token), a refresh token, or the operator's admin token (an entry of no client).
     */
    API_LOGIN,
    LOGOUT,
    /** A face enrolled (or re-enrolled). */
    ENROLLMENT,
    /** A verification session's decision, successful or not. */
    VERIFICATION,
    /** An identification session's decision. */
    IDENTIFICATION,
    /** An attendance marked by hand. */
    MANUAL_MARK,
    /** A person and their face data erased. */
    USER_ERASURE,
    /** A session's frames looked like a presentation attack. */
    SPOOF_SUSPECTED,
    /** A report file produced (an export of attendance data). */
    EXPORT,
    /** A client's settings changed: attendance settings, work calendar, the client itself, a webhook. */
    CONFIGURATION_CHANGE,
    /** A secret replaced: the client's API secret, a webhook's signing secret. */
    KEY_ROTATION;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

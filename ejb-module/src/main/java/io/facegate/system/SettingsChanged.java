package io.facegate.system;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's configuration changed. Fired in the changing transaction. It names the fields that
 * were set, never their values: some are secrets (a webhook's bearer token).
 *
 * @param settings what was configured: {@code attendance_settings}, {@code work_calendar}, {@code client},
 *                 {@code rate_limits}, {@code webhook}
 * @param targetId the configured resource (a webhook's id), or null for the client's own settings
 * @param change   {@code created}, {@code updated} or {@code deleted}
 * @param fields   the API names of the fields set
 */
public record SettingsChanged(UUID clientId, String settings, UUID targetId, String change, List<String> fields, Instant at) {
}

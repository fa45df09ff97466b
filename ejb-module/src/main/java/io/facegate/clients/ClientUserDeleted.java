package io.facegate.clients;

import java.time.Instant;
import java.util.UUID;

/** A person and everything stored of their face were erased (the right to erasure). */
public record ClientUserDeleted(UUID clientId, UUID clientUserId, String externalUserId, Instant deletedAt) {
}

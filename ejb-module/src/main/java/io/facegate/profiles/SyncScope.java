package io.facegate.profiles;

import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * Which active profiles a sync covers: a client's, narrowed to one person's or one bulk import's,
 * created up to {@code until} (profiles added while it runs wait for the next sync). It travels as
 * job parameters, so that a restarted job reads the same profiles.
 */
public record SyncScope(UUID clientId, UUID personId, UUID importId, Instant until) {

    static final String CLIENT = "clientId";
    static final String PERSON = "personId";
    static final String IMPORT = "importId";
    static final String UNTIL = "until";

    Properties parameters() {
        Properties parameters = new Properties();
        parameters.setProperty(CLIENT, clientId.toString());
        parameters.setProperty(UNTIL, until.toString());
        if (personId != null) {
            parameters.setProperty(PERSON, personId.toString());
        }
        if (importId != null) {
            parameters.setProperty(IMPORT, importId.toString());
        }
        return parameters;
    }

    /** The scope from the reader's batch properties (empty text for a filter not set). */
    static SyncScope of(String clientId, String personId, String importId, String until) {
        return new SyncScope(UUID.fromString(clientId), uuidOrNull(personId), uuidOrNull(importId), Instant.parse(until));
    }

    private static UUID uuidOrNull(String text) {
        return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
    }

    /** The JPQL condition on profile {@code p}, with parameters {@link #bind} sets. */
    String where() {
        return "p.clientId = :clientId and p.active = true and p.createdAt <= :until" + (personId != null ? " and p.clientUserId = :personId" : "")
                + (importId != null ? " and p.importId = :importId" : "");
    }

    <Q extends jakarta.persistence.Query> Q bind(Q query) {
        query.setParameter("clientId", clientId);
        query.setParameter("until", until);
        if (personId != null) {
            query.setParameter("personId", personId);
        }
        if (importId != null) {
            query.setParameter("importId", importId);
        }
        return query;
    }
}

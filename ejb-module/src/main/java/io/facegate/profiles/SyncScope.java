package io.facegate.profiles;

import jakarta.persistence.Query;

import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * Which active profiles a sync covers: a client's, narrowed to one person's or one bulk import's,
 * created up to {@code until} (profiles added while it runs wait for the next sync), and not done
 * by this sync yet (the sync's items are its checkpoint). It travels as job parameters, so that a
 * resumed run reads the rest of the same profiles.
 */
public record SyncScope(UUID syncId, UUID clientId, UUID personId, UUID importId, Instant until) {

    static final String SYNC = "syncId";
    static final String CLIENT = "clientId";
    static final String PERSON = "personId";
    static final String IMPORT = "importId";
    static final String UNTIL = "until";

    /** A new sync's scope. */
    public static SyncScope of(UUID clientId, UUID personId, UUID importId) {
        return new SyncScope(UUID.randomUUID(), clientId, personId, importId, Instant.now());
    }

    Properties parameters() {
        Properties parameters = new Properties();
        parameters.setProperty(SYNC, syncId.toString());
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

    /** The scope from job parameters or the reader's batch properties (empty text for a filter not set). */
    static SyncScope of(String syncId, String clientId, String personId, String importId, String until) {
        return new SyncScope(UUID.fromString(syncId), UUID.fromString(clientId), uuidOrNull(personId), uuidOrNull(importId),
                Instant.parse(until));
    }

    static SyncScope of(Properties parameters) {
        return of(parameters.getProperty(SYNC), parameters.getProperty(CLIENT), parameters.getProperty(PERSON),
                parameters.getProperty(IMPORT), parameters.getProperty(UNTIL));
    }

    private static UUID uuidOrNull(String text) {
        return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
    }

    /** The JPQL condition on profile {@code p}, with parameters {@link #bind} sets. */
    String where() {
        return "p.clientId = :clientId and p.active = true and p.createdAt <= :until"
                + (personId != null ? " and p.clientUserId = :personId" : "")
                + (importId != null ? " and p.importId = :importId" : "")
                + " and not exists (select i from ProfileSyncItem i where i.syncId = :syncId and i.profileId = p.id)";
    }

    <Q extends Query> Q bind(Q query) {
        query.setParameter("clientId", clientId);
        query.setParameter("until", until);
        query.setParameter("syncId", syncId);
        if (personId != null) {
            query.setParameter("personId", personId);
        }
        if (importId != null) {
            query.setParameter("importId", importId);
        }
        return query;
    }
}

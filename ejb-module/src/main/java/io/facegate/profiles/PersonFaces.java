package io.facegate.profiles;

import io.facegate.clients.ClientUserDirectory;
import io.facegate.domain.clients.ClientUser;
import io.facegate.enrollment.Enrollments;
import io.facegate.system.FaceGateException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * People registered for camera recognition with one face each (seed 002's users): the same client
 * users as everywhere else, addressed by FaceGate's id or the client's own id.
 */
@Stateless
public class PersonFaces {

    @Inject
    ClientUserDirectory directory;

    @Inject
    Enrollments enrollments;

    /**
     * Enrolls {@code face} as the person's template, registering them first when the client's id is
     * new; a name given renames them.
     */
    public ClientUser register(UUID clientId, String externalUserId, String name, FaceSources.Face face) {
        ClientUser person = directory.findByExternalId(clientId, externalUserId);
        if (person == null) {
            person = directory.register(clientId, externalUserId, name, null);
        } else if (name != null) {
            person = directory.describe(clientId, person.getId(), name, null);
        }
        enroll(person, face);
        return person;
    }

    /** A new name and/or a new face (null: unchanged). */
    public ClientUser update(UUID clientId, String userRef, String name, FaceSources.Face face) {
        ClientUser person = find(clientId, userRef);
        if (name != null) {
            person = directory.describe(clientId, person.getId(), name, null);
        }
        if (face != null) {
            enroll(person, face);
        }
        return person;
    }

    public void delete(UUID clientId, String userRef) {
        directory.delete(clientId, find(clientId, userRef).getId());
    }

    /**
     * By the client's own id or, failing that, FaceGate's id; 404 when neither names one of the
     * client's people. (The client's id is looked up first: a lookup by FaceGate's id refuses with
     * an exception, which would mark the transaction for rollback.)
     */
    public ClientUser find(UUID clientId, String userRef) {
        String text = userRef == null ? "" : userRef.strip();
        ClientUser person = text.isEmpty() ? null : directory.findByExternalId(clientId, text);
        if (person != null) {
            return person;
        }
        try {
            return directory.find(clientId, UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            throw FaceGateException.notFound("user");
        }
    }

    private void enroll(ClientUser person, FaceSources.Face face) {
        // The enrollment's id names the single-photo enrollment that made the template (there is no session).
        enrollments.enroll(person, UUID.randomUUID(), List.of(new Enrollments.Sample(face.embedding(), face.quality())), face.profileJpeg());
    }
}

package io.facegate.web.detections;

import io.facegate.clients.ClientUserDirectory;
import io.facegate.detections.DetectionFilter;
import io.facegate.detections.Detections;
import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.detections.DetectionEvent;
import io.facegate.domain.detections.DetectionStatus;
import io.facegate.system.FaceGateException;
import io.facegate.system.Page;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/** The detection listings' shared reading of filters and making of views (FaceGate's, seed 002's and its Python API's). */
@Dependent
public class DetectionQueries {

    static final int MAX_LIMIT = 500;

    @Inject
    Detections detections;

    @Inject
    ClientUserDirectory people;

    public Page<DetectionView> list(UUID clientId, String cameraId, String person, String status, String from, String to, int offset, int limit) {
        return detections.list(clientId, filter(clientId, cameraId, person, status, from, to), offset, limit, MAX_LIMIT)
                .map(event -> view(clientId, event));
    }

    DetectionView get(UUID clientId, UUID id) {
        return view(clientId, detections.find(clientId, id));
    }

    private DetectionFilter filter(UUID clientId, String cameraId, String person, String status, String from, String to) {
        return new DetectionFilter(blankToNull(cameraId), person(clientId, person), status(status), instant(from, "start_date", false),
                instant(to, "end_date", true));
    }

    /** A person by FaceGate's id or the client's own external_user_id; an unknown one matches nothing. */
    private UUID person(UUID clientId, String person) {
        String text = blankToNull(person);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAUuid) {
            ClientUser user = people.findByExternalId(clientId, text);
            return user == null ? new UUID(0, 0) : user.getId();
        }
    }

    private static DetectionStatus status(String status) {
        String text = blankToNull(status);
        if (text == null) {
            return null;
        }
        try {
            return DetectionStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FaceGateException.invalid("invalid_status", "status must be MATCHED, MULTIPLE_MATCHES, NEW_FACE or UNKNOWN");
        }
    }

    /** An ISO instant, or a date (the whole day: from its start, or to its end). */
    private static Instant instant(String value, String field, boolean endOfDay) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(endOfDay ? 1 : 0);
            } catch (DateTimeParseException e) {
                throw FaceGateException.invalid("invalid_date", field + " must be an ISO date (2024-01-15) or instant (2024-01-15T10:30:00Z)");
            }
        }
    }

    /** The matched person; null if they were erased since the event was read. */
    private ClientUser matchedPerson(UUID clientId, UUID clientUserId) {
        try {
            return people.find(clientId, clientUserId);
        } catch (FaceGateException erased) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private DetectionView view(UUID clientId, DetectionEvent event) {
        ClientUser person = event.getClientUserId() == null ? null : matchedPerson(clientId, event.getClientUserId());
        return DetectionView.of(event, person, detections.pictureUrl(event.getFaceCropKey()), detections.pictureUrl(event.getFrameSnapshotKey()));
    }
}

package io.facegate.attendance;

import io.facegate.authentication.CallerIdentity;
import io.facegate.domain.attendance.AttendanceLog;
import io.facegate.domain.attendance.AttendanceSettings.Geofence;
import io.facegate.domain.attendance.AttendanceSource;
import io.facegate.identification.FaceRecognition;
import io.facegate.identification.RecognitionDecision;
import io.facegate.liveness.LivenessConfiguration;
import io.facegate.liveness.LivenessPolicy;
import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAcceptance;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceEngine;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person checks themselves in from their phone: a selfie that must be their enrolled face, live
 * by the single-image anti-spoof model, and taken inside the client's geofence when it has one.
 * The face is analysed outside any transaction; the log is written in one short one. The time is
 * the server's: a phone's clock is the person's to set.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MobileCheckIn {

    @Inject
    FaceEngine engine;

    @Inject
    FaceRecognition recognition;

    @Inject
    AttendanceBook book;

    @Inject
    LivenessConfiguration liveness;

    /**
     * @throws FaceGateException 403 {@code outside_geofence}, 400 {@code missing_location} (geofenced client),
     *                           422 {@code no_face}, {@code multiple_faces}, {@code low_quality}, {@code face_mismatch},
     *                           {@code spoof_suspected}, 409 {@code face_not_enrolled}
     */
    public CheckIn checkIn(CallerIdentity caller, String image, Double latitude, Double longitude) {
        long started = System.nanoTime();
        UUID clientId = caller.clientId();
        UUID personId = caller.person().personId();
        Geofence geofence = book.policy(clientId).geofence();
        if (geofence != null) {
            if (latitude == null || longitude == null) {
                throw FaceGateException.invalid("missing_location", "this organisation accepts check-ins only with the phone's location");
            }
            if (!geofence.contains(latitude, longitude)) {
                throw new FaceGateException(ErrorKind.FORBIDDEN, "outside_geofence", "this check-in was made outside the permitted area");
            }
        }
        List<DetectedFace> faces;
        try (DecodedImage decoded = engine.decodeText("image", image)) {
            faces = engine.analyze(decoded, EnumSet.of(FaceAttribute.EMBEDDING, FaceAttribute.LIVENESS));
        }
        FaceAcceptance.Choice choice = FaceAcceptance.choose(faces);
        if (choice.face() == null) {
            throw new FaceGateException(ErrorKind.UNPROCESSABLE, faces.isEmpty() ? "no_face" : "multiple_faces",
                    faces.isEmpty() ? "no face found in the image" : faces.size() + " faces of similar size in the image; take the selfie alone");
        }
        DetectedFace face = choice.face();
        RecognitionGate.refusal(face, 0).ifPresent(code -> {
            throw new FaceGateException(ErrorKind.UNPROCESSABLE, code, "the face is not clear enough to recognise",
                    Map.of("quality_issues", face.quality().issues().stream().map(i -> i.code()).toList()));
        });
        RecognitionDecision decision = recognition.verify(personId, face.embedding());
        if (decision.verdict() == RecognitionDecision.Verdict.NOT_ENROLLED) {
            throw new FaceGateException(ErrorKind.CONFLICT, "face_not_enrolled", "your face is not enrolled yet");
        }
        if (decision.verdict() != RecognitionDecision.Verdict.MATCHED) {
            throw new FaceGateException(ErrorKind.UNPROCESSABLE, "face_mismatch", "this face is not yours as enrolled");
        }
        LivenessPolicy policy = liveness.policy();
        Double antiSpoof = face.livenessScore();
        boolean live = antiSpoof != null && antiSpoof >= policy.antiSpoofThreshold();
        if (!live && policy.antiSpoofRequired()) {
            throw new FaceGateException(ErrorKind.UNPROCESSABLE, "spoof_suspected",
                    "the picture looks like a photo of a photo or a screen; take a live selfie");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        AttendanceLog.Place place = latitude == null || longitude == null ? AttendanceLog.Place.NOWHERE
                : AttendanceLog.Place.position(latitude, longitude);
        var log = book.recordSighting(new Sighting(clientId, personId, AttendanceSource.MOBILE, place,
                new AttendanceLog.Evidence(decision.bestSimilarity(), seconds, antiSpoof), null, Instant.now()));
        return new CheckIn(log, decision.bestSimilarity(), antiSpoof, live, seconds);
    }
}

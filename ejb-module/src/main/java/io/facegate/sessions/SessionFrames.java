package io.facegate.sessions;

import io.facegate.authentication.ClientAccess;
import io.facegate.crypto.RandomTokens;
import io.facegate.domain.sessions.FaceSession;
import io.facegate.domain.sessions.SessionChannel;
import io.facegate.domain.sessions.SessionPurpose;
import io.facegate.domain.sessions.SessionRequirements;
import io.facegate.domain.usage.EndpointCategory;
import io.facegate.enrollment.EnrollmentSettings;
import io.facegate.enrollment.Enrollments;
import io.facegate.identification.FaceRecognition;
import io.facegate.identification.RecognitionDecision;
import io.facegate.liveness.LivenessAssessment;
import io.facegate.liveness.LivenessCheck;
import io.facegate.liveness.LivenessConfiguration;
import io.facegate.liveness.LivenessTracker;
import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAcceptance;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.recognition.FaceEngine;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.usage.ApiCall;
import io.facegate.usage.CallOrigin;
import io.facegate.usage.UsageRecorder;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The frame use case both transports share (REST process-image and the WebSocket stream): find
 * the session, analyse the frame outside any transaction, decide, then record the outcome in one
 * short transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionFrames {

    private static final int PROFILE_JPEG_QUALITY = 90;

    @Inject
    FaceSessions sessions;

    @Inject
    ActiveSessions active;

    @Inject
    FaceEngine engine;

    @Inject
    FaceRecognition recognition;

    @Inject
    UsageRecorder usage;

    @Inject
    ClientAccess clientAccess;

    @Inject
    SessionSettings settings;

    @Inject
    EnrollmentSettings enrollmentSettings;

    @Inject
    LivenessConfiguration livenessConfiguration;

    /**
     * Decides one frame and bills it to the session's client, whichever transport brought it:
     * enrollment frames as {@code enrollment}, authentication frames as {@code recognition}.
     *
     * @param clientId the caller's client, or null when the session token is the only credential
     * @param origin   where the frame came from, for the usage record
     * @throws FaceGateException 404 unknown token, 409 session already ended, 410 session expired,
     *                           4xx for an unusable image (the session is unchanged)
     */
    public FrameOutcome process(UUID clientId, String token, FrameSource frame, CallOrigin origin) {
        long started = System.nanoTime();
        FrameBill bill = new FrameBill(clientId);
        try {
            FrameOutcome outcome = decide(clientId, token, frame, bill);
            bill.status = 200;
            return outcome;
        } catch (FaceGateException refusal) {
            bill.status = refusal.kind().httpStatus();
            throw refusal;
        } finally {
            if (bill.clientId != null) {
                usage.record(new ApiCall(bill.clientId, bill.category, origin, bill.status,
                        Math.round((System.nanoTime() - started) / 100_000.0) / 10.0, Instant.now()));
            }
        }
    }

    /** Whom a frame is billed to and how; filled in as the frame is decided. */
    private static final class FrameBill {
        UUID clientId;
        EndpointCategory category = EndpointCategory.RECOGNITION;
        int status = 500;

        FrameBill(UUID clientId) {
            this.clientId = clientId;
        }

        void session(FaceSession session) {
            clientId = session.getClientId();
            category = session.getPurpose() == SessionPurpose.ENROLLMENT ? EndpointCategory.ENROLLMENT : EndpointCategory.RECOGNITION;
        }
    }

    private FrameOutcome decide(UUID clientId, String token, FrameSource frame, FrameBill bill) {
        // A session already receiving frames is known by its token in memory (ActiveSessions): no read by token per frame.
        String tokenHash = token == null || token.isBlank() ? null : RandomTokens.fingerprint(token.strip());
        FaceSession session = Optional.ofNullable(tokenHash).flatMap(active::lastKnown)
                .filter(known -> clientId == null || known.belongsTo(clientId))
                .map(this::usable)
                .orElseGet(() -> usable(clientId, token));
        bill.session(session);
        // A stream admitted before its client was disabled must stop at its next frame.
        clientAccess.admitSession(session.getClientId(), null);
        SessionProgress progress;
        try {
            progress = active.acquire(session, tokenHash);
        } catch (ActiveSessions.ProgressLostException e) {
            sessions.interrupt(session.getId());
            throw new FaceGateException(ErrorKind.CONFLICT, "session_interrupted",
                    "the server restarted during this session; open a new session");
        }
        FaceSession after = null;
        try {
            // Another frame may have ended the session while this one waited for the lock: it left the session in the progress.
            if (progress.session() != null) {
                session = usable(progress.session());
            }
            FrameOutcome outcome;
            try (DecodedImage image = frame.decode(engine)) {
                outcome = analyse(session, token, progress, image);
            } catch (FaceSessions.NoLongerOpenException e) {
                // Expires the session if its deadline passed and refuses the frame as its row says (expired, closed).
                usable(sessions.find(session.getClientId(), session.getId()));
                throw e;
            }
            after = outcome.session();
            return outcome;
        } finally {
            active.release(session.getId(), progress, after);
        }
    }

    /** The session if frames may still be sent to it; expires it when its idle deadline has passed. */
    public FaceSession usable(UUID clientId, String token) {
        return usable(sessions.byToken(clientId, token));
    }

    private FaceSession usable(FaceSession known) {
        FaceSession session = known;
        if (session.isIdleAt(Instant.now())) {
            session = sessions.expire(session.getId());
        }
        switch (session.getStatus()) {
            case EXPIRED -> throw new FaceGateException(ErrorKind.GONE, "session_expired",
                    "this session expired after " + settings.idleTimeout().toSeconds() + " s without frames; open a new session");
            case COMPLETED, FAILED -> throw new FaceGateException(ErrorKind.CONFLICT, "session_closed",
                    "this session is already " + session.getStatus().apiName() + "; a session token serves one session only",
                    Map.of("status", session.getStatus().apiName()));
            default -> {
                return session;
            }
        }
    }

    private FrameOutcome analyse(FaceSession session, String token, SessionProgress progress, DecodedImage image) {
        SessionRequirements requirements = session.getRequirements();
        LivenessTracker tracker = requirements.requireLiveness()
                ? progress.liveness(() -> new LivenessTracker(livenessConfiguration.policy()
                        .withSessionRequirements(requirements.requiredBlinks(), requirements.minFrames())))
                : null;
        // Only the liveness models this frame can still change the verdict with (LivenessTracker); the embedding
        // only for a face the gates accept (FrameJudgement).
        Set<FaceAttribute> attributes = tracker == null ? EnumSet.noneOf(FaceAttribute.class) : tracker.attributesForNextFrame();
        List<DetectedFace> faces = engine.analyze(image, attributes);
        FrameJudgement judgement = FrameJudgement.of(faces, use(session), progress.meanEmbedding(), engine.settings().matchThreshold(),
                face -> engine.embed(image, List.of(face)).get(0));
        // Liveness follows the frame's dominant face (whatever its quality); a frame with none, or with faces
        // competing, is no evidence.
        LivenessAssessment liveness = tracker == null ? null : tracker.observe(System.nanoTime() / 1_000_000, judgement.face());
        if (judgement.accepted()) {
            double quality = judgement.face().quality().score();
            progress.accept(judgement.face().embedding(), quality);
            if (session.getPurpose() == SessionPurpose.ENROLLMENT && progress.isBetterFrame(quality)) {
                progress.keepBestFrame(image.encodeJpeg(PROFILE_JPEG_QUALITY, enrollmentSettings.profileImageMaxSide()), quality);
            }
        }
        return sessions.record(session.getId(), token, judgement, liveness, decide(session, progress, liveness));
    }

    /**
     * Enrollment keeps the stricter gates whatever the device; a webcam, where the person sees the
     * instructions and the next frame follows at once, gets instructions but no refusal a photo
     * would not get; api and mobile frames are judged on whether they can be recognised.
     */
    static FaceAcceptance.Use use(FaceSession session) {
        if (session.getPurpose() == SessionPurpose.ENROLLMENT) {
            return FaceAcceptance.Use.ENROLLMENT;
        }
        return session.getChannel() == SessionChannel.WEBCAM ? FaceAcceptance.Use.GUIDED_RECOGNITION : FaceAcceptance.Use.RECOGNITION;
    }

    /**
     * A session decides once it has its good frames and, if required, verified liveness; until then
     * it waits for more frames, up to its frame limit.
     */
    private SessionDecision decide(FaceSession session, SessionProgress progress, LivenessAssessment liveness) {
        SessionRequirements requirements = session.getRequirements();
        boolean enrollment = session.getPurpose() == SessionPurpose.ENROLLMENT;
        int needed = enrollment ? requirements.targetSamples() : requirements.minFrames();
        List<SessionProgress.AcceptedFace> accepted = progress.accepted();
        boolean enoughFrames = accepted.size() >= needed;
        boolean live = liveness == null || liveness.verified();
        if (enoughFrames && live) {
            if (enrollment) {
                return new SessionDecision.Enroll(accepted.stream().map(a -> new Enrollments.Sample(a.embedding(), a.quality())).toList(),
                        progress.bestFrameJpeg());
            }
            FaceEmbedding probe = progress.meanEmbedding();
            return session.getPurpose() == SessionPurpose.VERIFICATION
                    ? verify(session.getClientUserId(), probe)
                    : identify(session.getClientId(), probe);
        }
        if (session.getFramesProcessed() + 1 < requirements.maxFrames()) {
            return new SessionDecision.Continue();
        }
        if (!enoughFrames) {
            return new SessionDecision.Fail("not_enough_good_frames", "the session's limit of " + requirements.maxFrames()
                    + " frames was reached before " + needed + " good frames arrived", null);
        }
        return new SessionDecision.Fail("liveness_failed", "Liveness not verified within " + requirements.maxFrames()
                + " frames; failed checks: " + liveness.failed().stream().map(LivenessCheck::code).sorted().toList(), null);
    }

    private SessionDecision verify(UUID clientUserId, FaceEmbedding probe) {
        if (clientUserId == null) {
            return new SessionDecision.Fail("user_not_enrolled", "the user to verify no longer has an enrolled face", null);
        }
        RecognitionDecision decision = recognition.verify(clientUserId, probe);
        return switch (decision.verdict()) {
            case MATCHED -> new SessionDecision.Authenticated(clientUserId, decision.bestSimilarity(), "Authentication successful.");
            case NOT_ENROLLED -> new SessionDecision.Fail("user_not_enrolled", "the user to verify no longer has an enrolled face", null);
            case NO_MATCH, AMBIGUOUS -> new SessionDecision.Fail("no_match", "The face does not match the user being verified.",
                    decision.bestSimilarity());
        };
    }

    private SessionDecision identify(UUID clientId, FaceEmbedding probe) {
        RecognitionDecision decision = recognition.identify(clientId, probe);
        return switch (decision.verdict()) {
            case MATCHED -> new SessionDecision.Authenticated(decision.person(), decision.bestSimilarity(), "Identification successful.");
            case AMBIGUOUS -> new SessionDecision.Fail("ambiguous_match", decision.candidates().size()
                    + " enrolled users match almost equally well; no one is identified rather than possibly the wrong person",
                    decision.bestSimilarity());
            case NO_MATCH, NOT_ENROLLED -> new SessionDecision.Fail("not_recognized", "The face matches none of the enrolled users.", null);
        };
    }
}

package io.facegate.sessions;

import io.facegate.authentication.AccessScope;
import io.facegate.authentication.CallerIdentity;
import io.facegate.clients.ClientRegistry;
import io.facegate.clients.ClientUserDirectory;
import io.facegate.crypto.EncryptedResult;
import io.facegate.crypto.RandomTokens;
import io.facegate.crypto.ResultEncryption;
import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.sessions.FaceSession;
import io.facegate.domain.sessions.SessionChannel;
import io.facegate.domain.sessions.SessionPurpose;
import io.facegate.domain.sessions.SessionRequirements;
import io.facegate.domain.sessions.SessionStatus;
import io.facegate.domain.shared.JsonProcessing;
import io.facegate.enrollment.Enrollments;
import io.facegate.liveness.LivenessAssessment;
import io.facegate.liveness.LivenessConfiguration;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import io.facegate.system.FilteredListing;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Opening, finding and closing sessions. Every lookup takes the caller's client id: another
 * client's session is indistinguishable from a missing one.
 */
@Stateless
public class FaceSessions {

    /** Session tokens: "fs_" and 32 random bytes. */
    private static final String TOKEN_PREFIX = "fs_";

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    SessionSettings settings;

    @Inject
    ClientUserDirectory users;

    @Inject
    ActiveSessions active;

    @Inject
    LivenessConfiguration livenessConfiguration;

    @Inject
    Enrollments enrollments;

    @Inject
    ClientRegistry clients;

    @Inject
    Event<AuthenticationCompleted> authenticationCompleted;

    @Inject
    Event<SpoofSuspected> spoofSuspected;

    /**
     * Opens an enrollment; a person not yet known to the client is created. Replacing an enrolled
     * person's face takes the client's full credentials (its backend), unless the client allows
     * browsers to: with the public API key alone, anyone could enroll their own face under another
     * person's id and then verify as them.
     */
    public OpenedSession openEnrollment(CallerIdentity caller, SessionRequest request) {
        UUID clientId = caller.clientId();
        requestedPurpose(request.sessionType()).filter(p -> p != SessionPurpose.ENROLLMENT).ifPresent(p -> {
            throw FaceGateException.invalid("invalid_session_type", "session_type " + p.apiName() + " cannot open an enrollment");
        });
        String userId = requireUserId(request.userId(), "enrollment");
        ClientUser user = Optional.ofNullable(users.findByExternalId(clientId, userId))
                .orElseGet(() -> users.register(clientId, userId, request.displayName(), null));
        if (user.isEnrolled() && caller.scope() != AccessScope.FULL && !clients.find(clientId).isBrowserReenrollmentAllowed()) {
            throw new FaceGateException(ErrorKind.FORBIDDEN, "reenrollment_requires_full_scope",
                    "user " + userId + " is already enrolled: replacing a face needs the client's API secret (open the session from "
                            + "your backend and hand its token to the browser), or allow_browser_reenrollment on the client");
        }
        // Enrollment checks liveness only when asked: a back-office upload of photos has none to show.
        boolean liveness = Boolean.TRUE.equals(request.requireLiveness());
        SessionRequirements requirements = requirements(() -> new SessionRequirements(liveness,
                orDefault(request.targetSamples(), settings.targetSamples()), 1, settings.maxFrames(),
                liveness ? orDefault(request.requiredBlinks(), livenessConfiguration.policy().requiredBlinks()) : 0));
        return open(clientId, SessionPurpose.ENROLLMENT, request, user, requirements);
    }

    /** Opens a verification of {@code user_id}, or an identification when it is absent. */
    public OpenedSession openAuthentication(UUID clientId, SessionRequest request) {
        Optional<SessionPurpose> asked = requestedPurpose(request.sessionType());
        if (asked.isPresent() && asked.get() == SessionPurpose.ENROLLMENT) {
            throw FaceGateException.invalid("invalid_session_type", "session_type enrollment cannot open an authentication");
        }
        boolean hasUser = request.userId() != null && !request.userId().isBlank();
        SessionPurpose purpose = hasUser ? SessionPurpose.VERIFICATION : SessionPurpose.IDENTIFICATION;
        if (asked.isPresent() && asked.get() != purpose) {
            throw FaceGateException.invalid("invalid_session_type", asked.get() == SessionPurpose.VERIFICATION
                    ? "verification needs the user_id to verify" : "identification searches all users: leave user_id out");
        }
        ClientUser user = null;
        if (hasUser) {
            user = Optional.ofNullable(users.findByExternalId(clientId, request.userId().strip()))
                    .orElseThrow(() -> FaceGateException.notFound("user"));
            if (!user.isEnrolled()) {
                throw new FaceGateException(ErrorKind.CONFLICT, "user_not_enrolled",
                        "user " + user.getExternalUserId() + " has no enrolled face to verify against");
            }
        }
        boolean liveness = request.requireLiveness() == null || request.requireLiveness();
        SessionRequirements requirements = requirements(() -> new SessionRequirements(liveness, 1,
                // Without liveness one good frame decides; with it, the liveness policy's frames.
                orDefault(request.minFramesRequired(), liveness ? livenessConfiguration.policy().minFrames() : 1), settings.maxFrames(),
                liveness ? orDefault(request.requiredBlinks(), livenessConfiguration.policy().requiredBlinks()) : 0));
        if (liveness) {
            // Refuses now, not at the first frame, what the liveness policy cannot take.
            livenessConfiguration.policy().withSessionRequirements(requirements.requiredBlinks(), requirements.minFrames());
        }
        return open(clientId, purpose, request, user, requirements);
    }

    private OpenedSession open(UUID clientId, SessionPurpose purpose, SessionRequest request, ClientUser user,
                               SessionRequirements requirements) {
        String token = RandomTokens.next(TOKEN_PREFIX, 32);
        FaceSession session = new FaceSession(clientId, RandomTokens.fingerprint(token), purpose, channel(request.sessionType()),
                user == null ? null : user.getId(), requirements, request.metadataJson(), Instant.now(), settings.idleTimeout());
        em.persist(session);
        return new OpenedSession(session, token, user);
    }

    /**
     * The session holding {@code token}, whatever its state. With a {@code clientId} it must be
     * that client's; without one (a WebSocket carries no other credential) the token alone counts.
     */
    public FaceSession byToken(UUID clientId, String token) {
        if (token == null || token.isBlank()) {
            throw FaceGateException.invalid("missing_session_token", "session_token is required");
        }
        return em.createNamedQuery(FaceSession.BY_TOKEN_HASH, FaceSession.class)
                .setParameter("tokenHash", RandomTokens.fingerprint(token.strip()))
                .getResultStream().filter(s -> clientId == null || s.belongsTo(clientId)).findFirst()
                .orElseThrow(() -> FaceGateException.notFound("session"));
    }

    public FaceSession find(UUID clientId, UUID sessionId) {
        FaceSession session = em.find(FaceSession.class, sessionId);
        if (session == null || !session.belongsTo(clientId)) {
            throw FaceGateException.notFound("session");
        }
        return session;
    }

    /** Filters may be null; {@code spoofSuspected} lists the presentation-attack incidents seed 004 reports. */
    public Page<FaceSession> list(UUID clientId, SessionPurpose purpose, SessionStatus status, UUID clientUserId,
                                  Instant from, Instant to, Boolean spoofSuspected, int offset, int limit) {
        return FilteredListing.of(FaceSession.class, "s")
                .filter("s.clientId = :clientId", "clientId", clientId)
                .filter("s.purpose = :purpose", "purpose", purpose)
                .filter("s.status = :status", "status", status)
                .filter("s.clientUserId = :user", "user", clientUserId)
                .filter("s.createdAt >= :from", "from", from)
                .filter("s.createdAt < :to", "to", to)
                .filter("s.spoofSuspected = :spoof", "spoof", spoofSuspected)
                .page(em, "s.createdAt desc, s.id", offset, limit);
    }

    /**
     * Records one analysed frame and what it decided: counters and idle deadline always; on
     * completion the enrollment's template and profile image, or the authenticated person, and the
     * encrypted result for the client.
     */
    public FrameOutcome record(UUID sessionId, String token, FrameJudgement judgement, LivenessAssessment liveness,
                               SessionDecision decision) {
        FaceSession session = em.find(FaceSession.class, sessionId);
        if (session == null) {
            // Deleted with its client while a stream held it in memory (ActiveSessions).
            throw FaceGateException.notFound("session");
        }
        Instant now = Instant.now();
        if (!session.getStatus().isOpen() || session.isIdleAt(now)) {
            // The frame began from the state its predecessor left in memory; the row has moved on since.
            throw new NoLongerOpenException();
        }
        session.recordFrame(judgement.accepted(), now, settings.idleTimeout());
        if (liveness != null) {
            boolean suspectedBefore = session.isSpoofSuspected();
            session.recordLiveness(liveness.score(), liveness.verified(), liveness.spoofSuspected());
            if (session.isSpoofSuspected() && !suspectedBefore) {
                spoofSuspected.fire(new SpoofSuspected(session.getClientId(), sessionId, session.getPurpose(), session.getClientUserId(),
                        liveness.score(), now));
            }
        }
        ClientUser matched = null;
        EncryptedResult encrypted = null;
        String message;
        if (decision instanceof SessionDecision.Enroll enroll) {
            ClientUser user = em.find(ClientUser.class, session.getClientUserId());
            if (user == null) {
                message = "The user was deleted during enrollment.";
                session.fail("user_deleted", message, null, now);
            } else {
                enrollments.enroll(user, sessionId, enroll.samples(), enroll.profileJpeg());
                message = "Enrollment completed successfully.";
                session.complete(null, null, message, now);
                matched = user;
                encrypted = encryptResult(session, token, session.getId().toString(), null);
            }
        } else if (decision instanceof SessionDecision.Authenticated authenticated) {
            matched = em.find(ClientUser.class, authenticated.clientUserId());
            message = authenticated.message();
            session.complete(authenticated.clientUserId(), authenticated.confidence(), message, now);
            encrypted = encryptResult(session, token, matched.getExternalUserId(), authenticated.confidence());
        } else if (decision instanceof SessionDecision.Fail fail) {
            message = fail.message();
            session.fail(fail.reason(), message, fail.confidence(), now);
        } else {
            message = judgement.accepted() ? "Frame processed. Continue streaming..." : judgement.rejection().reason();
        }
        if (session.getPurpose() != SessionPurpose.ENROLLMENT && !session.getStatus().isOpen()) {
            announceAuthentication(session, matched);
        }
        // A refused frame's fix first, then what liveness still needs, then advice on an accepted frame.
        String prompt = !judgement.accepted() || liveness == null || liveness.nextPrompt() == null
                ? judgement.prompt() : liveness.nextPrompt().text();
        return new FrameOutcome(judgement.accepted(), judgement.rejection(), judgement.qualityScore(), judgement.ignored(),
                session.getStatus().isOpen() ? prompt : null,
                session, matched, encrypted, message);
    }

    /**
     * {@link #record} found the session ended or past its idle deadline: the frame does not count, and
     * the caller tells why from the session's row.
     */
    public static final class NoLongerOpenException extends FaceGateException {
        NoLongerOpenException() {
            super(ErrorKind.CONFLICT, "session_closed", "the session ended while this frame was being analysed");
        }
    }

    private void announceAuthentication(FaceSession session, ClientUser matched) {
        boolean authenticated = "success".equals(session.getOutcome());
        ClientUser person = matched != null || session.getClientUserId() == null ? matched : em.find(ClientUser.class, session.getClientUserId());
        authenticationCompleted.fire(new AuthenticationCompleted(session.getClientId(), session.getId(), session.getPurpose(), authenticated,
                person == null ? null : person.getId(), person == null ? null : person.getExternalUserId(), session.getConfidenceScore(),
                session.getLivenessVerified(), authenticated ? null : session.getOutcome(), session.getCompletedAt()));
    }

    /** Seed 003's result, readable only with the client's API secret. */
    private EncryptedResult encryptResult(FaceSession session, String token, String id, Double confidence) {
        JsonObjectBuilder payload = JsonProcessing.PROVIDER.createObjectBuilder()
                .add("id", id)
                .add("timestamp", DateTimeFormatter.ISO_INSTANT.format(session.getCompletedAt()))
                .add("session_type", session.getPurpose().apiName())
                .add("session_token", token);
        if (confidence != null) {
            payload.add("confidence", confidence);
        }
        return ResultEncryption.encrypt(payload.build().toString(), clients.revealSecret(clients.find(session.getClientId())));
    }

    /** Ends a session that waited too long for its next frame. */
    public FaceSession expire(UUID sessionId) {
        FaceSession session = em.find(FaceSession.class, sessionId);
        if (session.isIdleAt(Instant.now())) {
            session.expire(Instant.now());
        }
        active.forget(sessionId);
        return session;
    }

    /** Ends a session whose in-memory progress a server restart lost. */
    public void interrupt(UUID sessionId) {
        FaceSession session = em.find(FaceSession.class, sessionId);
        if (session.getStatus().isOpen()) {
            session.fail("interrupted", "the server restarted during this session; open a new session", null, Instant.now());
        }
    }

    /** Expires every session past its idle deadline; run by the scheduler. */
    public int expireIdle() {
        Instant now = Instant.now();
        List<FaceSession> idle = em.createNamedQuery(FaceSession.IDLE, FaceSession.class).setParameter("now", now).getResultList();
        idle.forEach(s -> s.expire(now));
        active.forgetIdleSince(now.minus(settings.idleTimeout()));
        return idle.size();
    }

    private static SessionRequirements requirements(Supplier<SessionRequirements> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw FaceGateException.invalid("invalid_session_settings", e.getMessage());
        }
    }

    private static String requireUserId(String userId, String purpose) {
        if (userId == null || userId.isBlank()) {
            throw FaceGateException.invalid("missing_user_id", "user_id is required for " + purpose);
        }
        return userId.strip();
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** Seed 000 sends the purpose as session_type; seed 001 the device kind. */
    private static Optional<SessionPurpose> requestedPurpose(String sessionType) {
        if (sessionType == null) {
            return Optional.empty();
        }
        String value = sessionType.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "enrollment" -> Optional.of(SessionPurpose.ENROLLMENT);
            case "verification" -> Optional.of(SessionPurpose.VERIFICATION);
            case "identification" -> Optional.of(SessionPurpose.IDENTIFICATION);
            case "authentication" -> Optional.empty();
            default -> {
                if (SessionChannel.fromApiName(value).isEmpty()) {
                    throw FaceGateException.invalid("invalid_session_type",
                            "session_type must be webcam, mobile or api (or enrollment, verification, identification)");
                }
                yield Optional.empty();
            }
        };
    }

    private static SessionChannel channel(String sessionType) {
        return sessionType == null ? SessionChannel.API : SessionChannel.fromApiName(sessionType.strip()).orElse(SessionChannel.API);
    }
}

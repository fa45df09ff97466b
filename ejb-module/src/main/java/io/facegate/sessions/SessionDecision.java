package io.facegate.sessions;

import io.facegate.enrollment.Enrollments;

import java.util.List;
import java.util.UUID;

/** What a frame decided for its session. */
sealed interface SessionDecision {

    /** More frames are needed. */
    record Continue() implements SessionDecision {
    }

    /** The enrollment has its samples; {@code profileJpeg} is its best frame. */
    record Enroll(List<Enrollments.Sample> samples, byte[] profileJpeg) implements SessionDecision {
    }

    /** The person was verified or identified. */
    record Authenticated(UUID clientUserId, double confidence, String message) implements SessionDecision {
    }

    /** The session ends without success; {@code reason} is machine-readable. */
    record Fail(String reason, String message, Double confidence) implements SessionDecision {
    }
}

package io.facegate.web.legacy;

import io.facegate.cameras.CameraRegistry.CameraDescription;
import io.facegate.domain.cameras.Camera;
import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.detections.DetectionEvent.Box;
import io.facegate.legacy.CameraRecognition;
import io.facegate.web.cameras.CameraView;
import io.facegate.web.detections.DetectionView;
import io.facegate.webhooks.SeedBodies;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The bodies of seed 002's "Python API", in its snake_case, with its result shape. */
public final class LegacyViews {

    private LegacyViews() {
    }

    /**
     * One detection in the Python API's result shape ({@code timestamp, name, confidence, distance,
     * box}), the same as the {@code facegate-legacy} webhook's {@code result}, with FaceGate's ids beside it.
     *
     * @param userId the matched person's own id at the client (their external_user_id)
     */
    public record Result(Instant timestamp, String name, Double confidence, Double distance, Box box, String cameraId, String status,
                  String userId, UUID id) {

        static Result of(DetectionView view) {
            return new Result(view.detectedAt(), view.name() != null ? view.name() : view.externalUserId() != null ? view.externalUserId()
                    : SeedBodies.UNKNOWN_NAME, view.confidence(), view.distance(), view.box(), view.cameraId(), view.status(),
                    view.externalUserId(), view.id());
        }
    }

    public record Results(boolean success, List<Result> results, long total, int offset, int limit) {
    }

    public record Latest(boolean success, Result result) {
    }

    /** @param threshold the camera's match threshold as a face distance (seed 002's tolerance) */
    public record CameraEntry(String cameraId, String name, String streamUrl, boolean isActive, String status, double threshold) {

        static CameraEntry of(CameraRecognition.CameraSummary summary) {
            CameraDescription description = summary.camera();
            Camera camera = description.camera();
            return new CameraEntry(camera.getCode(), camera.getName(), camera.maskedStreamUrl(), camera.isActive(),
                    CameraView.status(camera, description.state()), summary.threshold());
        }

        static List<CameraEntry> all(List<CameraRecognition.CameraSummary> cameras) {
            return cameras.stream().map(CameraEntry::of).toList();
        }
    }

    public record Status(boolean success, boolean running, String streamUrl, double threshold, int cameraCount, long activeCameras,
                  long users, boolean engineLoaded, List<CameraEntry> cameras) {

        static Status of(CameraRecognition.Status status) {
            List<CameraEntry> cameras = CameraEntry.all(status.cameras());
            return new Status(true, status.running(), status.main() == null ? null : status.main().camera().camera().maskedStreamUrl(),
                    status.threshold(), cameras.size(), cameras.stream().filter(CameraEntry::isActive).count(), status.users(),
                    status.engineLoaded(), cameras);
        }
    }

    public record Control(boolean success, boolean running, String message, List<CameraEntry> cameras) {
    }

    public record Config(boolean success, String message, CameraEntry camera) {
    }

    public record Latency(long measured, Double average, Double median, Double p95, Integer max) {
    }

    public record Stats(boolean success, long totalDetections, Map<String, Long> byStatus, Map<String, Map<String, Long>> byCamera,
                 Latency recognitionLatencyMs) {

        static Stats of(CameraRecognition.Stats stats) {
            CameraRecognition.Latency latency = stats.recognitionLatency();
            return new Stats(true, stats.total(), stats.byStatus(), stats.byCamera(),
                    new Latency(latency.measured(), latency.averageMs(), latency.medianMs(), latency.p95Ms(), latency.maxMs()));
        }
    }

    /** @param userId the client's own id for the person (external_user_id) */
    public record User(UUID id, String userId, String name, boolean enrolled, Instant enrolledAt, String profileImageUrl, Instant createdAt,
                Instant updatedAt) {

        static User of(ClientUser person, String profileImageUrl) {
            return new User(person.getId(), person.getExternalUserId(), person.getDisplayName(), person.isEnrolled(),
                    person.getEnrollmentCompletedAt(), profileImageUrl, person.getCreatedAt(), person.getUpdatedAt());
        }
    }

    public record UserAnswer(boolean success, String message, User user) {
    }

    public record Users(boolean success, List<User> users, long total) {
    }
}

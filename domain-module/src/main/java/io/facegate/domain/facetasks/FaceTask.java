package io.facegate.domain.facetasks;

import io.facegate.domain.shared.OptionalUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One asynchronous face task of a client: queued with its request, run once, then holding its
 * result (or why it failed) until it expires. The request is dropped once the task has run, so
 * no face image stays longer than needed.
 */
@Entity
@Table(name = "face_task")
@NamedQuery(name = FaceTask.UNFINISHED, query = "select t from FaceTask t where t.status = :status order by t.createdAt")
@NamedQuery(name = FaceTask.DELETE_EXPIRED, query = "delete from FaceTask t where t.expiresAt < :now and t.status in :finished")
public class FaceTask {

    public static final String UNFINISHED = "FaceTask.unfinished";
    public static final String DELETE_EXPIRED = "FaceTask.deleteExpired";

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private FaceTaskKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FaceTaskStatus status;

    /** The person an enrollment is for. */
    @Column(name = "client_user_id", updatable = false)
    @Convert(converter = OptionalUuidConverter.class)
    private UUID clientUserId;

    private byte[] input;

    /** JSON object; seed 004's {@code result}. */
    private String result;

    @Column(name = "error_code")
    private String errorCode;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "processing_time")
    private Double processingTime;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Version
    private long version;

    protected FaceTask() {
        // for JPA
    }

    /** @param retention how long the task and its result are kept after it was queued */
    public FaceTask(UUID clientId, FaceTaskKind kind, UUID clientUserId, byte[] input, Instant now, Duration retention) {
        this.id = UUID.randomUUID();
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.clientUserId = clientUserId;
        this.input = Objects.requireNonNull(input, "input");
        this.status = FaceTaskStatus.QUEUED;
        this.createdAt = now;
        this.expiresAt = now.plus(retention);
    }

    /** The id as the API shows it, e.g. {@code enroll_0b9c...}. */
    public String taskId() {
        return kind.prefix() + "_" + id;
    }

    /** Takes a queued task for running; false when it was taken already (or has run). */
    public boolean start(Instant now) {
        if (status != FaceTaskStatus.QUEUED) {
            return false;
        }
        status = FaceTaskStatus.PROCESSING;
        startedAt = now;
        return true;
    }

    public void complete(String resultJson, double seconds, Instant now) {
        finish(FaceTaskStatus.COMPLETED, now);
        this.result = resultJson;
        this.processingTime = seconds;
    }

    /** @param resultJson what is known despite the failure (e.g. faces found), or null */
    public void fail(String code, String message, String resultJson, Double seconds, Instant now) {
        finish(FaceTaskStatus.FAILED, now);
        this.errorCode = code;
        this.errorMessage = message == null || message.length() <= 500 ? message : message.substring(0, 500);
        this.result = resultJson;
        this.processingTime = seconds;
    }

    private void finish(FaceTaskStatus outcome, Instant now) {
        if (status.isFinished()) {
            throw new IllegalStateException("task " + taskId() + " already " + status.apiName());
        }
        this.status = outcome;
        this.completedAt = now;
        this.input = null;
    }

    public boolean belongsTo(UUID client) {
        return clientId.equals(client);
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public FaceTaskKind getKind() {
        return kind;
    }

    public FaceTaskStatus getStatus() {
        return status;
    }

    public UUID getClientUserId() {
        return clientUserId;
    }

    public byte[] getInput() {
        return input;
    }

    public String getResult() {
        return result;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public Double getProcessingTime() {
        return processingTime;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}

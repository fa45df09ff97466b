package io.facegate.web.facetasks;

import io.facegate.domain.facetasks.FaceTask;
import io.facegate.web.http.JsonDocuments;
import jakarta.json.JsonObject;

import java.time.Instant;

/**
 * Seed 004's task status: {@code task_id}, {@code status} (queued, processing, completed, failed),
 * {@code result}, {@code processing_time} in seconds; {@code id} repeats the task id for listings,
 * {@code error} says why a task failed.
 */
public record FaceTaskView(String taskId, String id, String kind, String status, JsonObject result, TaskError error, Double processingTime,
                           Instant createdAt, Instant completedAt, Instant expiresAt) {

    public record TaskError(String code, String message) {
    }

    static FaceTaskView of(FaceTask task) {
        return new FaceTaskView(task.taskId(), task.taskId(), task.getKind().prefix(), task.getStatus().apiName(),
                task.getResult() == null ? null : JsonDocuments.object(task.getResult()),
                task.getErrorCode() == null ? null : new TaskError(task.getErrorCode(), task.getErrorMessage()),
                task.getProcessingTime(), task.getCreatedAt(), task.getCompletedAt(), task.getExpiresAt());
    }
}

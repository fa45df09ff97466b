package io.facegate.domain.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One accepted enrollment frame's embedding (sealed), kept beside the template it went into. */
@Entity
@Table(name = "face_sample")
@NamedQuery(name = FaceSample.DELETE_OF_USER, query = "delete from FaceSample s where s.clientUserId = :clientUserId")
public class FaceSample {

    public static final String DELETE_OF_USER = "FaceSample.deleteOfUser";

    @Id
    private UUID id;

    @Column(name = "client_user_id", nullable = false, updatable = false)
    private UUID clientUserId;

    @Column(name = "enrollment_session_id", nullable = false, updatable = false)
    private UUID enrollmentSessionId;

    @Column(name = "embedding_sealed", nullable = false, updatable = false)
    private byte[] embeddingSealed;

    @Column(name = "embedding_model", nullable = false, updatable = false)
    private String embeddingModel;

    @Column(name = "quality_score", nullable = false, updatable = false)
    private double qualityScore;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected FaceSample() {
        // for JPA
    }

    public FaceSample(UUID clientUserId, UUID enrollmentSessionId, byte[] embeddingSealed, String embeddingModel,
                      double qualityScore, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.clientUserId = clientUserId;
        this.enrollmentSessionId = enrollmentSessionId;
        this.embeddingSealed = embeddingSealed.clone();
        this.embeddingModel = embeddingModel;
        this.qualityScore = qualityScore;
        this.createdAt = createdAt;
    }
}

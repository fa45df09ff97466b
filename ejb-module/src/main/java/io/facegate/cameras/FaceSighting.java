package io.facegate.cameras;

import io.facegate.domain.detections.DetectionEvent.Finding;
import io.facegate.recognition.FaceBox;
import io.facegate.recognition.FaceEmbedding;

/**
 * One face in one analysed frame, and what recognition made of it.
 *
 * @param embedding null when the face was not recognisable (no identity was sought)
 */
public record FaceSighting(FaceBox box, FaceEmbedding embedding, Finding finding) {
}

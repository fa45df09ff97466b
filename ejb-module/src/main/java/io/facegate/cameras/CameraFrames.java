package io.facegate.cameras;

import io.facegate.identification.FaceRecognition;
import io.facegate.identification.RecognitionDecision;
import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.recognition.FaceEngine;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A camera frame's faces: detected, gated, and the fit ones identified among the camera's tenant's
 * people, all outside any transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CameraFrames {

    @Inject
    FaceEngine engine;

    @Inject
    FaceRecognition recognition;

    @Inject
    CameraPollingSettings settings;

    public AnalysedFrame analyse(CameraProfile camera, byte[] jpeg) {
        double threshold = camera.matchThreshold() != null ? camera.matchThreshold() : recognition.defaultThreshold();
        try (DecodedImage image = engine.decode("frame", jpeg)) {
            // A frame without faces stops after detection; the embedding model runs only for the faces the gate lets through.
            List<DetectedFace> faces = engine.analyze(image, Set.of());
            Iterator<DetectedFace> embedded = engine.embed(image,
                    faces.stream().filter(face -> Sightings.recognisable(face, camera.minFaceSize())).toList()).iterator();
            List<FaceSighting> sightings = new ArrayList<>();
            for (DetectedFace face : faces) {
                if (Sightings.recognisable(face, camera.minFaceSize())) {
                    FaceEmbedding embedding = embedded.next().embedding();
                    RecognitionDecision decision = recognition.identify(camera.clientId(), embedding, threshold);
                    sightings.add(new FaceSighting(face.box(), embedding, Sightings.finding(face, decision, settings.newFaceMargin())));
                } else {
                    sightings.add(new FaceSighting(face.box(), null, Sightings.finding(face, null, settings.newFaceMargin())));
                }
            }
            return new AnalysedFrame(image.width(), image.height(), sightings);
        }
    }
}

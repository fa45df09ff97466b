package io.facegate.cameras;

import io.facegate.identification.FaceRecognition;
import io.facegate.identification.RecognitionDecision;
import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceEngine;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

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
            List<FaceSighting> sightings = new ArrayList<>();
            for (DetectedFace face : engine.analyze(image, EnumSet.of(FaceAttribute.EMBEDDING))) {
                RecognitionDecision decision = Sightings.recognisable(face, camera.minFaceSize())
                        ? recognition.identify(camera.clientId(), face.embedding(), threshold) : null;
                sightings.add(new FaceSighting(face.box(), decision == null ? null : face.embedding(),
                        Sightings.finding(face, decision, settings.newFaceMargin())));
            }
            return new AnalysedFrame(image.width(), image.height(), sightings);
        }
    }
}

package io.facegate.recognition;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each acceptance gate on real photos (docs/benchmarks/quality-gates.md): a face on the good side of
 * a gate is accepted and recognised at the shipped threshold; one beyond it is refused for the
 * right reason (or not found at all, which the detector decides before any gate).
 */
class FaceAcceptanceTest {

    private static final String PORTRAIT = "identities/Angelina_Jolie/img1.jpg";
    /** Another photo of the same person, to show an accepted face is also recognised. */
    private static final String SAME_PERSON = "identities/Angelina_Jolie/img2.jpg";
    /** Turned (landmark yaw proxy 0.53, pose model 24 degrees) and still recognised... */
    private static final String TURNED = "identities/bbt_penny/penny3.png";
    private static final String TURNED_SAME_PERSON = "identities/bbt_penny/penny1.png";
    /** ...and turned further (yaw proxy 0.80, pose model 41 degrees), missing two of its four genuine pairs. */
    private static final String PROFILE = "identities/bbt_stuart/stuart5.png";

    private final FaceEngine engine = TestData.engine();

    @Test
    void anOrdinaryPortraitPassesEveryGateForEveryUse() {
        DetectedFace face = only(TestData.bytes(TestData.data(PORTRAIT)));
        for (FaceAcceptance.Use use : FaceAcceptance.Use.values()) {
            FaceAcceptance.Verdict verdict = FaceAcceptance.judge(face, use);
            assertTrue(verdict.accepted(), use + ": " + verdict + " " + face.quality());
            assertEquals(List.of(), verdict.advice(), use.toString());
        }
    }

    @Test
    void aTurnedFaceThatIsRecognisedIsAcceptedAndAWebcamIsToldToFaceTheCamera() {
        DetectedFace turned = only(TestData.bytes(TestData.data(TURNED)));
        assertTrue(Math.abs(turned.quality().measures().yaw()) > QualityGates.ENROLLMENT.maxYaw(), turned.quality().toString());
        assertTrue(FaceAcceptance.judge(turned, FaceAcceptance.Use.RECOGNITION).accepted());
        FaceAcceptance.Verdict webcam = FaceAcceptance.judge(turned, FaceAcceptance.Use.GUIDED_RECOGNITION);
        assertTrue(webcam.accepted());
        assertEquals(List.of(QualityIssue.NOT_FRONTAL), webcam.advice());
        assertEquals(List.of(QualityIssue.NOT_FRONTAL), FaceAcceptance.judge(turned, FaceAcceptance.Use.ENROLLMENT).refusals());
        assertRecognised(turned, TURNED_SAME_PERSON);
    }

    @Test
    void aProfileThatIsNotRecognisedIsRefusedAsNotFrontal() {
        DetectedFace profile = only(TestData.bytes(TestData.data(PROFILE)));
        double worst = java.util.stream.IntStream.rangeClosed(1, 4).mapToDouble(i -> profile.embedding().similarity(
                only(TestData.bytes(TestData.data("identities/bbt_stuart/stuart" + i + ".png"))).embedding())).min().orElseThrow();
        assertFalse(engine.matches(worst), "the profile is not recognised against every other photo: " + worst);
        for (FaceAcceptance.Use use : FaceAcceptance.Use.values()) {
            assertEquals(List.of(QualityIssue.NOT_FRONTAL), FaceAcceptance.judge(profile, use).refusals(), use.toString());
        }
    }

    @Test
    void blurGate() {
        BufferedImage portrait = Photos.read(TestData.bytes(TestData.data(PORTRAIT)));
        double side = only(TestData.bytes(TestData.data(PORTRAIT))).quality().measures().faceSide();
        DetectedFace soft = only(Photos.jpeg(Photos.blur(portrait, 0.01 * side)));
        assertTrue(FaceAcceptance.judge(soft, FaceAcceptance.Use.RECOGNITION).accepted(), soft.quality().toString());
        assertRecognised(soft, SAME_PERSON);
        assertRefusedOrNotFound(Photos.jpeg(Photos.blur(portrait, 0.06 * side)), QualityIssue.BLURRY);
    }

    @Test
    void darknessGateAcceptsADimFaceTheDetectorStillFinds() {
        BufferedImage portrait = Photos.read(TestData.bytes(TestData.data(PORTRAIT)));
        DetectedFace dim = only(Photos.jpeg(Photos.scale(portrait, 0.2)));
        assertTrue(dim.quality().measures().brightness() < 40, dim.quality().toString());
        assertTrue(FaceAcceptance.judge(dim, FaceAcceptance.Use.RECOGNITION).accepted(), dim.quality().toString());
        assertEquals(List.of(QualityIssue.TOO_DARK), FaceAcceptance.judge(dim, FaceAcceptance.Use.GUIDED_RECOGNITION).advice());
        assertRecognised(dim, SAME_PERSON);
        assertRefusedOrNotFound(Photos.jpeg(Photos.scale(portrait, 0.05)), QualityIssue.TOO_DARK);
    }

    @Test
    void brightnessGate() {
        BufferedImage portrait = Photos.read(TestData.bytes(TestData.data(PORTRAIT)));
        DetectedFace lit = only(Photos.jpeg(Photos.scale(portrait, 1.4)));
        assertTrue(FaceAcceptance.judge(lit, FaceAcceptance.Use.RECOGNITION).accepted(), lit.quality().toString());
        assertRecognised(lit, SAME_PERSON);
        assertRefusedOrNotFound(Photos.jpeg(Photos.scale(portrait, 4)), QualityIssue.TOO_BRIGHT);
    }

    @Test
    void sizeGate() {
        BufferedImage portrait = Photos.read(TestData.bytes(TestData.data(PORTRAIT)));
        double side = only(TestData.bytes(TestData.data(PORTRAIT))).quality().measures().faceSide();
        DetectedFace small = only(Photos.jpeg(Photos.shrink(portrait, 40 / side)));
        assertTrue(small.quality().measures().faceSide() < 64, small.quality().toString());
        assertTrue(FaceAcceptance.judge(small, FaceAcceptance.Use.RECOGNITION).accepted(), small.quality().toString());
        assertRecognised(small, SAME_PERSON);
        assertRefusedOrNotFound(Photos.jpeg(Photos.shrink(portrait, 16 / side)), QualityIssue.FACE_TOO_SMALL);
    }

    @Test
    void everyUseRefusesWhatTheConfiguredGatesFound() {
        DetectedFace face = only(TestData.bytes(TestData.data(PORTRAIT)));
        // As if facegate.recognition.min-face-size were above this face's side: its quality then says face_too_small.
        DetectedFace small = new DetectedFace(face.box(), face.detectionScore(), face.landmarks(),
                new FaceQuality(0.4, List.of(QualityIssue.FACE_TOO_SMALL), face.quality().measures()), null, null, null, face.embedding());
        for (FaceAcceptance.Use use : FaceAcceptance.Use.values()) {
            assertEquals(List.of(QualityIssue.FACE_TOO_SMALL), FaceAcceptance.judge(small, use).refusals(), use.toString());
        }
    }

    @Test
    void confidenceGateRefusesADoubtfulDetection() {
        DetectedFace face = only(TestData.bytes(TestData.data(PORTRAIT)));
        FaceQuality.Measures m = face.quality().measures();
        FaceQuality.Measures doubtful = new FaceQuality.Measures(m.faceSide(), m.sharpness(), m.brightness(), m.yaw(),
                QualityGates.RECOGNITION.minConfidence() - 0.01);
        assertEquals(List.of(QualityIssue.LOW_CONFIDENCE), QualityGates.RECOGNITION.failed(doubtful));
        assertTrue(m.confidence() >= QualityGates.ENROLLMENT.minConfidence(), m.toString());
    }

    @Test
    void aDominantFaceIsUsedAndABystanderIgnored() {
        String other = "identities/John_Simm/000288_00470387.jpg";
        // A bystander beside the portrait, their face half as wide (a quarter of the area).
        BufferedImage both = Photos.withBystander(Photos.read(TestData.bytes(TestData.data(PORTRAIT))),
                only(TestData.bytes(TestData.data(PORTRAIT))).quality().measures().faceSide(),
                Photos.read(TestData.bytes(TestData.data(other))), only(TestData.bytes(TestData.data(other))).quality().measures().faceSide(), 0.5);
        List<DetectedFace> faces = analyse(Photos.jpeg(both));
        assertEquals(2, faces.size());
        FaceAcceptance.Choice choice = FaceAcceptance.choose(faces);
        assertNotNull(choice.face());
        assertEquals(1, choice.ignored());
        assertFalse(choice.competing());
        assertTrue(FaceAcceptance.judge(choice.face(), FaceAcceptance.Use.RECOGNITION).accepted());
        assertRecognised(choice.face(), SAME_PERSON);
    }

    @Test
    void twoFacesOfSimilarSizeCompete() {
        List<DetectedFace> faces = analyse(TestData.bytes(TestData.data("detection/group/face_recognition_two_people.jpg")));
        assertEquals(2, faces.size());
        FaceAcceptance.Choice choice = FaceAcceptance.choose(faces);
        assertNull(choice.face());
        assertTrue(choice.competing());
        assertTrue(FaceAcceptance.choose(List.of()).face() == null && !FaceAcceptance.choose(List.of()).competing());
    }

    private void assertRecognised(DetectedFace face, String otherPhoto) {
        double similarity = face.embedding().similarity(only(TestData.bytes(TestData.data(otherPhoto))).embedding());
        assertTrue(engine.matches(similarity), "similarity " + similarity + " to " + otherPhoto);
    }

    /** Beyond a gate the face is refused for {@code issue}, unless the detector no longer finds it at all. */
    private void assertRefusedOrNotFound(byte[] jpeg, QualityIssue issue) {
        List<DetectedFace> faces = analyse(jpeg);
        if (!faces.isEmpty()) {
            assertTrue(FaceAcceptance.judge(faces.get(0), FaceAcceptance.Use.RECOGNITION).refusals().contains(issue),
                    faces.get(0).quality().toString());
        }
    }

    private DetectedFace only(byte[] jpeg) {
        List<DetectedFace> faces = analyse(jpeg);
        assertEquals(1, faces.size());
        return faces.get(0);
    }

    private List<DetectedFace> analyse(byte[] bytes) {
        try (DecodedImage image = engine.decode("photo", bytes)) {
            return engine.analyze(image, Set.of(FaceAttribute.EMBEDDING));
        }
    }
}

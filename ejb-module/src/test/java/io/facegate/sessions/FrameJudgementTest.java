package io.facegate.sessions;

import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAcceptance;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceEngine;
import io.facegate.recognition.Photos;
import io.facegate.recognition.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a session makes of a frame, per use, on real photos: refusals, instructions and the dominant face. */
class FrameJudgementTest {

    private final FaceEngine engine = TestData.engine();

    @Test
    void aTurnedFaceIsAcceptedByApiAndWebcamSessionsAndTheWebcamIsToldToFaceTheCamera() {
        List<DetectedFace> turned = faces("identities/bbt_penny/penny3.png");
        FrameJudgement api = judge(turned, FaceAcceptance.Use.RECOGNITION);
        assertTrue(api.accepted(), String.valueOf(api.rejection()));
        assertNull(api.prompt());
        FrameJudgement webcam = judge(turned, FaceAcceptance.Use.GUIDED_RECOGNITION);
        assertTrue(webcam.accepted());
        assertEquals("look straight at the camera", webcam.prompt());
        FrameJudgement enrollment = judge(turned, FaceAcceptance.Use.ENROLLMENT);
        assertFalse(enrollment.accepted());
        assertEquals("low_quality", enrollment.rejection().code());
        assertEquals(List.of("not_frontal"), enrollment.rejection().issues());
    }

    @Test
    void aProfileIsRefusedWithTheInstructionToFaceTheCamera() {
        FrameJudgement judgement = judge(faces("identities/bbt_stuart/stuart5.png"), FaceAcceptance.Use.RECOGNITION);
        assertFalse(judgement.accepted());
        assertEquals(List.of("not_frontal"), judgement.rejection().issues());
        assertEquals("look straight at the camera", judgement.prompt());
    }

    @Test
    void twoPeopleSideBySideAreRefusedAndToldSo() {
        FrameJudgement judgement = judge(faces("detection/group/face_recognition_two_people.jpg"), FaceAcceptance.Use.RECOGNITION);
        assertFalse(judgement.accepted());
        assertEquals("multiple_faces", judgement.rejection().code());
        assertEquals("make sure you are alone in front of the camera", judgement.prompt());
    }

    @Test
    void aBystanderBesideThePersonIsIgnoredAndCounted() {
        String portrait = "identities/Angelina_Jolie/img1.jpg";
        String other = "identities/John_Simm/000288_00470387.jpg";
        byte[] jpeg = Photos.jpeg(Photos.withBystander(Photos.read(TestData.bytes(TestData.data(portrait))), faces(portrait).get(0).quality().measures().faceSide(),
                Photos.read(TestData.bytes(TestData.data(other))), faces(other).get(0).quality().measures().faceSide(), 0.6));
        List<DetectedFace> both;
        try (DecodedImage image = engine.decode("photo", jpeg)) {
            both = engine.analyze(image, Set.of(FaceAttribute.EMBEDDING));
        }
        assertEquals(2, both.size());
        for (FaceAcceptance.Use use : FaceAcceptance.Use.values()) {
            FrameJudgement judgement = judge(both, use);
            assertTrue(judgement.accepted(), use + ": " + judgement.rejection());
            assertEquals(1, judgement.ignored());
            assertTrue(judgement.face().embedding().similarity(faces(portrait).get(0).embedding()) > 0.9, "the portrait's face is the one used");
        }
    }

    @Test
    void anOrdinaryPortraitIsAcceptedForEveryUseWithoutInstruction() {
        List<DetectedFace> portrait = faces("identities/Angelina_Jolie/img1.jpg");
        for (FaceAcceptance.Use use : FaceAcceptance.Use.values()) {
            FrameJudgement judgement = judge(portrait, use);
            assertTrue(judgement.accepted(), use + ": " + judgement.rejection());
            assertNull(judgement.prompt(), use.toString());
            assertEquals(0, judgement.ignored());
        }
    }

    @Test
    void anotherPersonThanTheSessionsIsRefused() {
        DetectedFace first = faces("identities/Angelina_Jolie/img1.jpg").get(0);
        FrameJudgement judgement = FrameJudgement.of(faces("identities/John_Simm/000288_00470387.jpg"), FaceAcceptance.Use.RECOGNITION,
                first.embedding(), engine.settings().matchThreshold());
        assertEquals("different_person", judgement.rejection().code());
    }

    private FrameJudgement judge(List<DetectedFace> faces, FaceAcceptance.Use use) {
        return FrameJudgement.of(faces, use, null, engine.settings().matchThreshold());
    }

    private List<DetectedFace> faces(String relative) {
        try (DecodedImage image = TestData.image(TestData.data(relative))) {
            return engine.analyze(image, Set.of(FaceAttribute.EMBEDDING));
        }
    }
}

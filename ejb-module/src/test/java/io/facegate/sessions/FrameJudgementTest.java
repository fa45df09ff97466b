package io.facegate.sessions;

import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAcceptance;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.recognition.FaceEngine;
import io.facegate.recognition.Photos;
import io.facegate.recognition.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a session makes of a frame, per use, on real photos: refusals, instructions and the dominant face. */
class FrameJudgementTest {

    private final FaceEngine engine = TestData.engine();

    @Test
    void aTurnedFaceIsAcceptedByApiAndWebcamSessionsAndTheWebcamIsToldToFaceTheCamera() {
        String turned = "identities/bbt_penny/penny3.png";
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
        FrameJudgement judgement = judge("identities/bbt_stuart/stuart5.png", FaceAcceptance.Use.RECOGNITION);
        assertFalse(judgement.accepted());
        assertEquals(List.of("not_frontal"), judgement.rejection().issues());
        assertEquals("look straight at the camera", judgement.prompt());
    }

    @Test
    void twoPeopleSideBySideAreRefusedAndToldSo() {
        FrameJudgement judgement = judge("detection/group/face_recognition_two_people.jpg", FaceAcceptance.Use.RECOGNITION);
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
        for (FaceAcceptance.Use use : FaceAcceptance.Use.values()) {
            Judged judged = judge(() -> engine.decode("photo", jpeg), use, null);
            assertEquals(2, judged.faces());
            assertTrue(judged.judgement().accepted(), use + ": " + judged.judgement().rejection());
            assertEquals(1, judged.judgement().ignored());
            assertEquals(1, judged.embedded(), "only the dominant face is embedded");
            assertTrue(judged.judgement().face().embedding().similarity(faces(portrait).get(0).embedding()) > 0.9,
                    "the portrait's face is the one used");
        }
    }

    @Test
    void anOrdinaryPortraitIsAcceptedForEveryUseWithoutInstruction() {
        String portrait = "identities/Angelina_Jolie/img1.jpg";
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
        FrameJudgement judgement = judge(photo("identities/John_Simm/000288_00470387.jpg"), FaceAcceptance.Use.RECOGNITION,
                first.embedding()).judgement();
        assertEquals("different_person", judgement.rejection().code());
    }

    @Test
    void refusedFacesAreNeverEmbeddedAndGetTheSameFeedbackAsWithTheirEmbedding() {
        byte[] dim = Photos.jpeg(Photos.scale(Photos.read(TestData.bytes(TestData.data("identities/Angelina_Jolie/img1.jpg"))), 0.2));
        record Refused(String name, Supplier<DecodedImage> frame, FaceAcceptance.Use use, String code, List<String> issues) {
        }
        List<Refused> refused = List.of(
                new Refused("profile", photo("identities/bbt_stuart/stuart5.png"), FaceAcceptance.Use.RECOGNITION, "low_quality",
                        List.of("not_frontal")),
                new Refused("turned, for enrollment", photo("identities/bbt_penny/penny3.png"), FaceAcceptance.Use.ENROLLMENT, "low_quality",
                        List.of("not_frontal")),
                new Refused("dim, for enrollment", () -> engine.decode("dim", dim), FaceAcceptance.Use.ENROLLMENT, "low_quality",
                        List.of("too_dark")),
                new Refused("two people", photo("detection/group/face_recognition_two_people.jpg"), FaceAcceptance.Use.RECOGNITION,
                        "multiple_faces", List.of()),
                new Refused("no face", photo("detection/no_face/facenet_pilatus800.jpg"), FaceAcceptance.Use.RECOGNITION, "no_face", List.of()));
        for (Refused frame : refused) {
            Judged judged = judge(frame.frame(), frame.use(), null);
            assertEquals(frame.code(), judged.judgement().rejection().code(), frame.name());
            assertEquals(frame.issues(), judged.judgement().rejection().issues(), frame.name());
            assertEquals(0, judged.embedded(), frame.name() + ": the embedding model ran for a refused face");
            FrameJudgement withEmbedding;
            try (DecodedImage image = frame.frame().get()) {
                withEmbedding = FrameJudgement.of(engine.analyze(image, Set.of(FaceAttribute.EMBEDDING)), frame.use(), null,
                        engine.settings().matchThreshold(), UnaryOperator.identity());
            }
            assertEquals(withEmbedding.rejection(), judged.judgement().rejection(), frame.name());
            assertEquals(withEmbedding.prompt(), judged.judgement().prompt(), frame.name());
            assertEquals(withEmbedding.qualityScore(), judged.judgement().qualityScore(), frame.name());
            assertEquals(withEmbedding.ignored(), judged.judgement().ignored(), frame.name());
        }
    }

    @Test
    void anAcceptedFaceIsEmbeddedOnceAsTheWholeAnalysisWouldHave() {
        String portrait = "identities/Angelina_Jolie/img1.jpg";
        Judged judged = judge(photo(portrait), FaceAcceptance.Use.ENROLLMENT, null);
        assertTrue(judged.judgement().accepted());
        assertEquals(1, judged.embedded());
        assertEquals(1, faces(portrait).get(0).embedding().similarity(judged.judgement().face().embedding()), 1e-5);
    }

    /** A judgement, how many faces the frame had and how many the embedding model was run for. */
    private record Judged(FrameJudgement judgement, int faces, int embedded) {
    }

    /**
     * Judges the frame as a session does: analysed without embeddings, the real engine embedding
     * what the judgement asks for, counted.
     */
    private Judged judge(Supplier<DecodedImage> frame, FaceAcceptance.Use use, FaceEmbedding sessionFace) {
        try (DecodedImage image = frame.get()) {
            List<DetectedFace> faces = engine.analyze(image, Set.of());
            AtomicInteger embedded = new AtomicInteger();
            FrameJudgement judgement = FrameJudgement.of(faces, use, sessionFace, engine.settings().matchThreshold(), face -> {
                List<DetectedFace> result = engine.embed(image, List.of(face));
                embedded.addAndGet(result.size());
                return result.get(0);
            });
            return new Judged(judgement, faces.size(), embedded.get());
        }
    }

    private FrameJudgement judge(String relative, FaceAcceptance.Use use) {
        return judge(photo(relative), use, null).judgement();
    }

    private static Supplier<DecodedImage> photo(String relative) {
        return () -> TestData.image(TestData.data(relative));
    }

    private List<DetectedFace> faces(String relative) {
        try (DecodedImage image = TestData.image(TestData.data(relative))) {
            return engine.analyze(image, Set.of(FaceAttribute.EMBEDDING));
        }
    }
}

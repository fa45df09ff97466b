package io.facegate.cameras;

import io.facegate.domain.detections.DetectionEvent.Finding;
import io.facegate.domain.detections.DetectionStatus;
import io.facegate.identification.RecognitionDecision;
import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceBox;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.recognition.FaceEngine;
import io.facegate.recognition.TestData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaceTrackerTest {

    private static final long FRAME = 200_000_000L; // 5 fps
    private static final long COOLDOWN = 60_000_000_000L;
    private static final UUID ALICE = UUID.randomUUID();

    private final FaceTracker tracker = new FaceTracker(FaceTracker.Rules.defaults(COOLDOWN));
    private long now = 1_000_000_000_000L;

    @Test
    void oneWalkPastIsOneEventImprovedWhenTheMatchIsConfirmed() {
        List<FaceTracker.Decision> decisions = new ArrayList<>();
        decisions.addAll(frame(face(100, 100, 80, unknown())));
        decisions.addAll(frame(face(110, 100, 80, matched(ALICE, 0.55))));
        assertEquals(List.of(), decisions, "not confirmed before three sightings");
        decisions.addAll(frame(face(120, 100, 80, unknown())));
        assertEquals(1, decisions.size());
        FaceTracker.Open open = assertInstanceOf(FaceTracker.Open.class, decisions.get(0));
        assertEquals(DetectionStatus.UNKNOWN, open.finding().status(), "one match alone is not trusted");
        decisions.clear();
        decisions.addAll(frame(face(130, 100, 80, matched(ALICE, 0.60))));
        FaceTracker.Improve improve = assertInstanceOf(FaceTracker.Improve.class, decisions.get(0));
        assertEquals(open.eventId(), improve.eventId());
        assertEquals(DetectionStatus.MATCHED, improve.finding().status());
        decisions.clear();
        for (int i = 0; i < 20; i++) {
            decisions.addAll(frame(face(140 + i * 10, 100, 80, matched(ALICE, 0.58))));
        }
        assertEquals(List.of(), decisions, "no better view: nothing to report");
        decisions.addAll(frame(face(400, 100, 80, matched(ALICE, 0.70))));
        assertEquals(1, decisions.size(), "a clearly better view improves the event");
    }

    @Test
    void aSingleFrameFalseDetectionIsNoEvent() {
        List<FaceTracker.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            decisions.addAll(frame(i == 4 ? List.of(face(300, 300, 60, unknown())) : List.of()));
        }
        assertEquals(List.of(), decisions);
    }

    @Test
    void aFastWalkerWithoutOverlapFromFrameToFrameIsOneTrack() {
        List<FaceTracker.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            decisions.addAll(frame(face(20 + i * 70, 300, 50, unknown()))); // 70 px a frame, 50 px face
        }
        assertEquals(1, decisions.size(), decisions::toString);
    }

    @Test
    void twoPeopleSideBySideAreTwoEvents() {
        List<FaceTracker.Decision> decisions = new ArrayList<>();
        UUID bob = UUID.randomUUID();
        for (int i = 0; i < 6; i++) {
            decisions.addAll(frame(List.of(face(50 + i * 5, 100, 120, matched(ALICE, 0.6)), face(400 - i * 5, 100, 120, matched(bob, 0.6)))));
        }
        assertEquals(2, decisions.stream().filter(d -> d instanceof FaceTracker.Open).count());
    }

    @Test
    void aPersonBackWithinTheCooldownJoinsTheirEventAndAfterItStartsANewOne() {
        List<FaceTracker.Decision> first = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.addAll(frame(face(100, 100, 100, matched(ALICE, 0.6))));
        }
        UUID event = first.get(0).eventId();
        for (int i = 0; i < 25; i++) {
            frame(List.of()); // gone for 5 s: the track ends
        }
        List<FaceTracker.Decision> back = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            back.addAll(frame(face(300, 120, 100, matched(ALICE, 0.6))));
        }
        assertTrue(back.stream().noneMatch(d -> d instanceof FaceTracker.Open), "no second event within the cooldown: " + back);
        back.addAll(frame(face(300, 120, 100, matched(ALICE, 0.75))));
        assertEquals(List.of(event), back.stream().map(FaceTracker.Decision::eventId).toList(), "a better view improves the first event");

        now += COOLDOWN + 10 * FRAME;
        List<FaceTracker.Decision> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.addAll(frame(face(100, 100, 100, matched(ALICE, 0.6))));
        }
        assertEquals(1, later.stream().filter(d -> d instanceof FaceTracker.Open).count(), "after the cooldown, a new event");
    }

    /**
     * The real clips through the real engine at 5 fps, against a gallery holding the blink clip's
     * person (enrolled from its first three frames): the event accuracy on the clips.
     */
    @Test
    void theCameraClipsGiveOneEventPerPerson() {
        FaceEngine engine = TestData.engine();
        List<byte[]> blink = CameraClips.frames("frames_blink_vga");
        List<FaceEmbedding> enrollment = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            enrollment.add(analyse(engine, blink.get(i)).get(0).embedding());
        }
        FaceEmbedding template = FaceEmbedding.mean(enrollment);

        List<byte[]> walkPast = new ArrayList<>(blink);
        for (int i = 0; i < 30; i++) {
            walkPast.add(Esp32Emulator.blankJpeg(640, 480)); // then nobody for 3 s
        }
        List<FaceTracker.Decision> blinkEvents = play(engine, walkPast, template);
        List<FaceTracker.Decision> opened = blinkEvents.stream().filter(d -> d instanceof FaceTracker.Open).toList();
        assertEquals(1, opened.size(), "one walk past, one event: " + blinkEvents);
        FaceTracker.Decision last = blinkEvents.get(blinkEvents.size() - 1);
        assertEquals(DetectionStatus.MATCHED, findingOf(last).status());
        assertEquals(ALICE, findingOf(last).clientUserId());

        FaceTracker crowdTracker = new FaceTracker(FaceTracker.Rules.defaults(COOLDOWN));
        List<FaceTracker.Decision> crowd = play(engine, CameraClips.frames("frames_crowd_vga"), template, crowdTracker);
        assertTrue(crowd.stream().noneMatch(d -> findingOf(d).status() == DetectionStatus.MATCHED), "no false match in the crowd");
        long crowdEvents = crowd.stream().filter(d -> d instanceof FaceTracker.Open).count();

        List<FaceTracker.Decision> noFace = play(engine, CameraClips.frames("noface_sequence_dlib_video_frames"), template,
                new FaceTracker(FaceTracker.Rules.defaults(COOLDOWN)));
        assertEquals(List.of(), noFace);
        System.out.printf("clip events at 5 fps: blink %d opened (%s), crowd %d opened (%s), no-face %d%n", opened.size(),
                findingOf(last).status(), crowdEvents, crowd.stream().map(d -> findingOf(d).status()).distinct().toList(), noFace.size());
        assertTrue(crowdEvents >= 1 && crowdEvents <= 12, "a few events for the crowd's faces, not one per frame: " + crowdEvents);
    }

    private List<FaceTracker.Decision> play(FaceEngine engine, List<byte[]> frames, FaceEmbedding template) {
        return play(engine, frames, template, tracker);
    }

    private List<FaceTracker.Decision> play(FaceEngine engine, List<byte[]> frames, FaceEmbedding template, FaceTracker target) {
        List<FaceTracker.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < frames.size(); i += 2) { // a 10 fps camera analysed at 5 fps
            List<FaceSighting> sightings = new ArrayList<>();
            for (DetectedFace face : analyse(engine, frames.get(i))) {
                RecognitionDecision decision = null;
                if (Sightings.recognisable(face, 60)) {
                    double similarity = face.embedding().similarity(template);
                    decision = similarity >= 0.40
                            ? new RecognitionDecision(RecognitionDecision.Verdict.MATCHED, ALICE, similarity, List.of(), 0.40, 1)
                            : new RecognitionDecision(RecognitionDecision.Verdict.NO_MATCH, null, similarity, List.of(), 0.40, 1);
                }
                sightings.add(new FaceSighting(face.box(), decision == null ? null : face.embedding(), Sightings.finding(face, decision, 0.15)));
            }
            now += FRAME;
            decisions.addAll(target.update(now, sightings));
        }
        return decisions;
    }

    private static List<DetectedFace> analyse(FaceEngine engine, byte[] jpeg) {
        try (DecodedImage image = engine.decode("frame", jpeg)) {
            return engine.analyze(image, EnumSet.of(FaceAttribute.EMBEDDING));
        }
    }

    private static Finding findingOf(FaceTracker.Decision decision) {
        return decision instanceof FaceTracker.Open open ? open.finding() : ((FaceTracker.Improve) decision).finding();
    }

    private List<FaceTracker.Decision> frame(FaceSighting sighting) {
        return frame(List.of(sighting));
    }

    private List<FaceTracker.Decision> frame(List<FaceSighting> sightings) {
        now += FRAME;
        return tracker.update(now, sightings);
    }

    private static FaceSighting face(double x, double y, double side, Finding finding) {
        FaceBox box = new FaceBox(x, y, side, side);
        return new FaceSighting(box, null, new Finding(finding.status(), finding.clientUserId(), finding.candidates(), finding.confidence(),
                Sightings.box(box), finding.quality()));
    }

    private static Finding unknown() {
        return new Finding(DetectionStatus.UNKNOWN, null, 0, null, null, 0.3);
    }

    private static Finding matched(UUID person, double similarity) {
        return new Finding(DetectionStatus.MATCHED, person, 1, similarity, null, 0.9);
    }
}

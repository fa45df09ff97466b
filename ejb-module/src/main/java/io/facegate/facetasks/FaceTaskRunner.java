package io.facegate.facetasks;

import io.facegate.attendance.RecognitionGate;
import io.facegate.domain.facetasks.FaceTask;
import io.facegate.domain.facetasks.FaceTaskKind;
import io.facegate.domain.shared.JsonProcessing;
import io.facegate.enrollment.EnrollmentSettings;
import io.facegate.enrollment.Enrollments;
import io.facegate.identification.FaceRecognition;
import io.facegate.identification.RecognitionDecision;
import io.facegate.liveness.LivenessConfiguration;
import io.facegate.liveness.LivenessPolicy;
import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAcceptance;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.recognition.FaceEngine;
import io.facegate.system.FaceGateException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one face task: claims it, analyses its images outside any transaction, then records the
 * outcome (template, attendance, result) in one short transaction. A refusal of the input (no face,
 * a broken image) fails the task with its code; anything unexpected fails it as {@code internal_error}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FaceTaskRunner {

    private static final Logger LOG = Logger.getLogger(FaceTaskRunner.class.getName());
    private static final int PROFILE_JPEG_QUALITY = 90;

    @Inject
    FaceTasks tasks;

    @Inject
    FaceEngine engine;

    @Inject
    FaceRecognition recognition;

    @Inject
    LivenessConfiguration liveness;

    @Inject
    EnrollmentSettings enrollmentSettings;

    public void run(UUID id) {
        FaceTask task = tasks.claim(id).orElse(null);
        if (task == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            if (task.getKind() == FaceTaskKind.ENROLL) {
                enroll(task, started);
            } else {
                verify(task, started);
            }
        } catch (FaceGateException refusal) {
            tasks.fail(id, refusal.code(), refusal.getMessage(), null, seconds(started));
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "face task " + task.taskId() + " failed, incident " + incident, e);
            tasks.fail(id, "internal_error", "unexpected server error; quote incident " + incident, null, seconds(started));
        }
    }

    /** Each image must hold exactly one face, of good quality when asked, and all of one person. */
    private void enroll(FaceTask task, long started) {
        List<String> images = TaskRequests.enrollmentImages(task.getInput());
        boolean qualityCheck = TaskRequests.qualityCheck(task.getInput());
        List<Enrollments.Sample> samples = new ArrayList<>();
        JsonArrayBuilder qualities = JsonProcessing.PROVIDER.createArrayBuilder();
        byte[] bestJpeg = null;
        double bestQuality = -1;
        int facesDetected = 0;
        String problem = null;
        for (int i = 0; i < images.size(); i++) {
            try (DecodedImage image = engine.decodeText("images[" + i + "]", images.get(i))) {
                List<DetectedFace> faces = engine.analyze(image, EnumSet.of(FaceAttribute.EMBEDDING));
                if (faces.isEmpty()) {
                    problem = problem != null ? problem : "no_face:image " + (i + 1) + " has no face";
                    continue;
                }
                facesDetected++;
                FaceAcceptance.Choice choice = FaceAcceptance.choose(faces);
                DetectedFace face = choice.competing() ? faces.get(0) : choice.face();
                qualities.add(FaceTasks.round(face.quality().score()));
                FaceAcceptance.Verdict verdict = FaceAcceptance.judge(face, FaceAcceptance.Use.ENROLLMENT);
                if (choice.competing()) {
                    problem = problem != null ? problem : "multiple_faces:image " + (i + 1) + " has " + faces.size() + " faces of similar size";
                } else if (qualityCheck && !verdict.accepted()) {
                    problem = problem != null ? problem : "low_quality:image " + (i + 1) + " is not good enough: "
                            + verdict.refusals().stream().map(q -> q.code()).toList();
                }
                samples.add(new Enrollments.Sample(face.embedding(), face.quality().score()));
                if (face.quality().score() > bestQuality) {
                    bestQuality = face.quality().score();
                    bestJpeg = image.encodeJpeg(PROFILE_JPEG_QUALITY, enrollmentSettings.profileImageMaxSide());
                }
            }
        }
        if (problem == null && !samePerson(samples)) {
            problem = "different_people:the images do not all show the same person";
        }
        JsonObject result = JsonProcessing.PROVIDER.createObjectBuilder().add("success", problem == null).add("faces_detected", facesDetected)
                .add("quality_scores", qualities).add("template_created", false)
                .add("message", problem == null ? "Face template created successfully" : problem.substring(problem.indexOf(':') + 1))
                .build();
        if (problem != null) {
            tasks.fail(task.getId(), problem.substring(0, problem.indexOf(':')), result.getString("message"), result, seconds(started));
            return;
        }
        tasks.completeEnrollment(task.getId(), samples, bestJpeg, result, seconds(started));
    }

    /** Every sample is the same person as their mean (the template they will make). */
    private boolean samePerson(List<Enrollments.Sample> samples) {
        FaceEmbedding mean = FaceEmbedding.mean(samples.stream().map(Enrollments.Sample::embedding).toList());
        return samples.stream().allMatch(s -> engine.matches(s.embedding().similarity(mean)));
    }

    private void verify(FaceTask task, long started) {
        VerifyRequest request = TaskRequests.verificationOf(task.getInput());
        LivenessPolicy policy = liveness.policy();
        List<FrameFindings> frames = new ArrayList<>();
        for (int i = 0; i < request.frames().size(); i++) {
            VerifyRequest.Frame frame = request.frames().get(i);
            String field = request.everyFace() ? "images[" + i + "].image" : "image";
            try (DecodedImage image = engine.decodeText(field, frame.image())) {
                List<DetectedFace> faces = engine.analyze(image, EnumSet.of(FaceAttribute.EMBEDDING, FaceAttribute.LIVENESS));
                List<FaceFinding> findings = new ArrayList<>();
                if (request.everyFace()) {
                    for (DetectedFace face : faces.subList(0, Math.min(faces.size(), request.maxFaces()))) {
                        findings.add(finding(task, face, request, policy, null));
                    }
                } else if (!faces.isEmpty()) {
                    // One person per frame: the dominant face, or the largest refused when faces compete.
                    FaceAcceptance.Choice choice = FaceAcceptance.choose(faces);
                    findings.add(choice.competing() ? finding(task, faces.get(0), request, policy, "multiple_faces")
                            : finding(task, choice.face(), request, policy, null));
                }
                frames.add(new FrameFindings(frame, faces.size(), findings));
            }
        }
        tasks.completeVerification(task.getId(), frames, policy.antiSpoofRequired(), seconds(started));
    }

    /** @param refusal why the face is not searched, decided by the caller; null to apply the recognition gate */
    private FaceFinding finding(FaceTask task, DetectedFace face, VerifyRequest request, LivenessPolicy policy, String refusal) {
        Double antiSpoof = face.livenessScore();
        boolean live = antiSpoof != null && antiSpoof >= policy.antiSpoofThreshold();
        if (refusal == null) {
            refusal = RecognitionGate.refusal(face, request.minQuality()).orElse(null);
        }
        if (refusal != null) {
            return new FaceFinding(face.box(), face.quality().score(), refusal, null, null, null, antiSpoof, live);
        }
        RecognitionDecision decision = recognition.identify(task.getClientId(), face.embedding(), request.similarityThreshold());
        return new FaceFinding(face.box(), face.quality().score(), null, decision.verdict(), decision.person(), decision.bestSimilarity(),
                antiSpoof, live);
    }

    private static double seconds(long started) {
        return FaceTasks.round((System.nanoTime() - started) / 1e9);
    }
}

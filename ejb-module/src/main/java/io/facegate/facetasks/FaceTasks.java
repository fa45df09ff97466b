package io.facegate.facetasks;

import io.facegate.attendance.AttendanceBook;
import io.facegate.attendance.Sighting;
import io.facegate.clients.ClientUserDirectory;
import io.facegate.domain.attendance.AttendanceLog;
import io.facegate.domain.attendance.AttendanceSource;
import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.facetasks.FaceTask;
import io.facegate.domain.facetasks.FaceTaskKind;
import io.facegate.domain.facetasks.FaceTaskStatus;
import io.facegate.domain.shared.JsonProcessing;
import io.facegate.enrollment.Enrollments;
import io.facegate.system.AfterCommit;
import io.facegate.system.FaceGateException;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Seed 004's asynchronous face tasks of a client: queued with their request (and run once the
 * queueing commits), found by their id only by their own client, recorded when they ran.
 * Verify tasks log the recognised, live people present ({@link AttendanceBook}, debounced).
 */
@Stateless
public class FaceTasks {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    ClientUserDirectory directory;

    @Inject
    Enrollments enrollments;

    @Inject
    AttendanceBook attendance;

    @Inject
    FaceTaskSettings settings;

    @Inject
    FaceTaskWorker worker;

    @Inject
    AfterCommit afterCommit;

    public FaceTask submitEnrollment(UUID clientId, String employeeId, List<String> images, boolean qualityCheck) {
        ClientUser person = Optional.ofNullable(directory.findByExternalId(clientId, employeeId.strip()))
                .orElseThrow(() -> FaceGateException.notFound("user"));
        return queue(new FaceTask(clientId, FaceTaskKind.ENROLL, person.getId(), TaskRequests.enrollment(images, qualityCheck),
                Instant.now(), settings.retention()));
    }

    public FaceTask submitVerification(UUID clientId, VerifyRequest request) {
        FaceTaskKind kind = request.everyFace() ? FaceTaskKind.BULK_VERIFY : FaceTaskKind.VERIFY;
        return queue(new FaceTask(clientId, kind, null, TaskRequests.verification(request), Instant.now(), settings.retention()));
    }

    private FaceTask queue(FaceTask task) {
        em.persist(task);
        UUID id = task.getId();
        afterCommit.run("run face task " + id, () -> worker.submit(id));
        return task;
    }

    /**
     * The client's task by its API id, if it is of one of {@code kinds}; another client's task reads
     * exactly like a missing one.
     */
    public FaceTask find(UUID clientId, String taskId, List<FaceTaskKind> kinds) {
        FaceTaskKind kind = FaceTaskKind.ofTaskId(taskId).filter(kinds::contains).orElseThrow(() -> FaceGateException.notFound("task"));
        UUID id;
        try {
            id = UUID.fromString(taskId.substring(kind.prefix().length() + 1));
        } catch (IllegalArgumentException e) {
            throw FaceGateException.notFound("task");
        }
        FaceTask task = em.find(FaceTask.class, id);
        if (task == null || !task.belongsTo(clientId) || task.getKind() != kind) {
            throw FaceGateException.notFound("task");
        }
        return task;
    }

    /** Newest first. */
    public Page<FaceTask> list(UUID clientId, List<FaceTaskKind> kinds, int offset, int limit) {
        Page.validate(offset, limit);
        long count = em.createQuery("select count(t) from FaceTask t where t.clientId = :clientId and t.kind in :kinds", Long.class)
                .setParameter("clientId", clientId).setParameter("kinds", kinds).getSingleResult();
        List<FaceTask> items = em.createQuery("select t from FaceTask t where t.clientId = :clientId and t.kind in :kinds"
                        + " order by t.createdAt desc, t.id", FaceTask.class)
                .setParameter("clientId", clientId).setParameter("kinds", kinds)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        return new Page<>(count, offset, limit, items);
    }

    /** Takes a queued task for running, in its own transaction; empty when it was taken, has run, or is gone. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<FaceTask> claim(UUID id) {
        FaceTask task = em.find(FaceTask.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (task == null || !task.start(Instant.now())) {
            return Optional.empty();
        }
        em.flush();
        em.detach(task);
        return Optional.of(task);
    }

    /** A finished enrollment: the template is stored (announcing {@code EnrollmentCompleted}) with the task's result. */
    public void completeEnrollment(UUID id, List<Enrollments.Sample> samples, byte[] profileJpeg, JsonObject result, double seconds) {
        FaceTask task = em.find(FaceTask.class, id, LockModeType.PESSIMISTIC_WRITE);
        ClientUser person = task.getClientUserId() == null ? null : em.find(ClientUser.class, task.getClientUserId());
        if (person == null) {
            task.fail("user_deleted", "the person was deleted while their enrollment ran", null, seconds, Instant.now());
            return;
        }
        // The task's id names the enrollment that produced the template (there is no session).
        enrollments.enroll(person, task.getId(), samples, profileJpeg);
        task.complete(JsonProcessing.PROVIDER.createObjectBuilder(result).add("template_created", true).build().toString(), seconds, Instant.now());
    }

    /**
     * A finished verification: the recognised, live people are logged present (debounced), and the
     * result says who was recognised and whether they were logged.
     *
     * @param requireLive whether a face must pass the anti-spoof check to be logged
     */
    public void completeVerification(UUID id, List<FrameFindings> frames, boolean requireLive, double seconds) {
        FaceTask task = em.find(FaceTask.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        JsonArrayBuilder images = JsonProcessing.PROVIDER.createArrayBuilder();
        for (FrameFindings frame : frames) {
            JsonArrayBuilder faces = JsonProcessing.PROVIDER.createArrayBuilder();
            for (FaceFinding face : frame.faces()) {
                faces.add(faceResult(task, frame.frame(), face, requireLive, seconds, now));
            }
            images.add(JsonProcessing.PROVIDER.createObjectBuilder().add("id", text(frame.frame().id())).add("camera_id", text(frame.frame().cameraCode()))
                    .add("faces_detected", frame.facesDetected()).add("faces", faces));
        }
        JsonObject bulk = JsonProcessing.PROVIDER.createObjectBuilder().add("images", images).build();
        JsonObject result;
        if (task.getKind() == FaceTaskKind.VERIFY) {
            FrameFindings frame = frames.get(0);
            JsonObjectBuilder single = frame.faces().isEmpty()
                    ? JsonProcessing.PROVIDER.createObjectBuilder().add("recognized", false).add("reason", "no_face")
                    : JsonProcessing.PROVIDER.createObjectBuilder(bulk.getJsonArray("images").getJsonObject(0).getJsonArray("faces").getJsonObject(0));
            result = single.remove("box").add("faces_detected", frame.facesDetected()).add("camera_id", text(frame.frame().cameraCode()))
                    .add("location", text(frame.frame().location())).add("timestamp", DateTimeFormatter.ISO_INSTANT.format(now)).build();
        } else {
            result = JsonProcessing.PROVIDER.createObjectBuilder(bulk).add("timestamp", DateTimeFormatter.ISO_INSTANT.format(now)).build();
        }
        task.complete(result.toString(), seconds, now);
    }

    private JsonObjectBuilder faceResult(FaceTask task, VerifyRequest.Frame frame, FaceFinding face, boolean requireLive, double seconds,
                                         Instant now) {
        JsonObjectBuilder json = JsonProcessing.PROVIDER.createObjectBuilder()
                .add("box", JsonProcessing.PROVIDER.createObjectBuilder().add("x", round(face.box().x())).add("y", round(face.box().y()))
                        .add("width", round(face.box().width())).add("height", round(face.box().height())))
                .add("quality_score", round(face.quality()))
                .add("recognized", face.recognized());
        ClientUser person = face.recognized() ? em.find(ClientUser.class, face.person()) : null;
        boolean logged = false;
        if (person != null && (face.live() || !requireLive)) {
            logged = attendance.recordSighting(new Sighting(task.getClientId(), person.getId(), AttendanceSource.VERIFY,
                    AttendanceLog.Place.camera(frame.cameraCode(), null, frame.location()),
                    new AttendanceLog.Evidence(face.similarity(), seconds, face.antiSpoof()), task.getId(), now)).isPresent();
        }
        json.add("employee_id", text(person == null ? null : person.getExternalUserId()))
                .add("name", text(person == null ? null : person.fullName()));
        addNumber(json, "confidence", face.recognized() ? face.similarity() : null);
        addNumber(json, "similarity_score", face.similarity());
        json.add("is_live", face.live());
        addNumber(json, "anti_spoof_score", face.antiSpoof());
        json.add("attendance_logged", logged);
        String reason = face.refusal() != null ? face.refusal() : face.recognized() ? null : face.verdict().name().toLowerCase();
        json.add("reason", text(reason));
        return json;
    }

    /** A task that could not run to its end, with what is known of it. */
    public void fail(UUID id, String code, String message, JsonObject partialResult, double seconds) {
        FaceTask task = em.find(FaceTask.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (task != null && !task.getStatus().isFinished()) {
            task.fail(code, message, partialResult == null ? null : partialResult.toString(), seconds, Instant.now());
        }
    }

    /**
     * After a restart: the tasks that were running are failed (their analysis was lost mid-way and
     * may have half-acted), the queued ones are returned to be run.
     */
    public List<UUID> recover() {
        Instant now = Instant.now();
        em.createNamedQuery(FaceTask.UNFINISHED, FaceTask.class).setParameter("status", FaceTaskStatus.PROCESSING).getResultList()
                .forEach(t -> t.fail("interrupted", "the server restarted while this task ran; submit it again", null, null, now));
        return em.createNamedQuery(FaceTask.UNFINISHED, FaceTask.class).setParameter("status", FaceTaskStatus.QUEUED).getResultList()
                .stream().map(FaceTask::getId).toList();
    }

    /** Deletes the finished tasks past their retention. */
    public int purgeExpired() {
        return em.createNamedQuery(FaceTask.DELETE_EXPIRED).setParameter("now", Instant.now())
                .setParameter("finished", List.of(FaceTaskStatus.COMPLETED, FaceTaskStatus.FAILED)).executeUpdate();
    }

    private static JsonValue text(String value) {
        return value == null ? JsonValue.NULL : JsonProcessing.PROVIDER.createValue(value);
    }

    private static void addNumber(JsonObjectBuilder json, String name, Double value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, round(value));
        }
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

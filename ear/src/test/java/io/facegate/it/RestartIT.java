package io.facegate.it;

import io.facegate.it.Tenants.Tenant;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs last: a server restart keeps clients, their users, the signing keys, the batch job repository
 * and the webhook outbox in PostgreSQL, runs the face tasks still queued and fails those it interrupted,
 * and resumes the profile sync it stopped in mid-run.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(FaceGateServer.class)
class RestartIT {

    private static Tenant tenant;
    private static Api tokenFromBefore;
    private static String userId;
    private static long jobExecutionFromBefore;
    private static final String QUEUED_TASK = UUID.randomUUID().toString();
    private static final String RUNNING_TASK = UUID.randomUUID().toString();
    /** A 16x16 grey JPEG (no face). */
    private static final String TINY_JPEG = "/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU5LjM3LjEwMAD/2wBDAAgUFBcUFxsbGxsbGyAeICEhISAgICAhISEkJCQqKiokJCQhISQk"
            + "KCgqKi4vLisrKisvLzIyMjw8OTlGRkhWVmf/xABKAAEAAAAAAAAAAAAAAAAAAAAAAQEAAAAAAAAAAAAAAAAAAAAAEAEAAAAAAAAAAAAAAAAAAAAAEQEAAAAAAAAAA"
            + "AAAAAAAAAAA/8AAEQgAEAAQAwEiAAIRAAMRAP/aAAwDAQACEQMRAD8AAA//2Q==";
    private static WebhookReceiver receiver;
    private static String webhookSecret;
    private static final Set<String> deletedBefore = new HashSet<>();
    private static Instant restartedAt;
    /** Enough for the run to outlast the import's wait (FACEGATE_PROFILES_SYNC_WAIT_SECONDS) and the stop's start: ~13 profiles/s in CI. */
    private static final int SYNCED_PROFILES = 600;
    private static Tenant syncTenant;
    private static JsonObject syncBefore;
    private static int doneAtTheStop;

    @BeforeAll
    static void restartWithDataInPlace() throws Exception {
        tenant = Tenants.create("Durable Co");
        tokenFromBefore = tenant.api();
        userId = tokenFromBefore.post("/api/clients/users/", "{\"external_user_id\":\"carol\"}").json().getString("id");
        jobExecutionFromBefore = BatchJobs.runToEnd("purge-expired-tokens").getJsonNumber("execution_id").longValue();
        // As a stop leaves them: one task waiting for a thread, one cut off while it ran.
        try (Connection db = FaceGateServer.database(); Statement sql = db.createStatement()) {
            String input = "{\"frames\": [{\"id\": null, \"image\": \"" + TINY_JPEG + "\", \"camera_id\": null, \"location\": null}],"
                    + " \"every_face\": false, \"max_faces\": 1, \"min_quality\": 0, \"similarity_threshold\": 0.4}";
            for (String[] task : new String[][]{{QUEUED_TASK, "QUEUED"}, {RUNNING_TASK, "PROCESSING"}}) {
                sql.execute("insert into face_task (id, client_id, kind, status, input, created_at, expires_at) values ('" + task[0] + "', '"
                        + tenant.id() + "', 'VERIFY', '" + task[1] + "', convert_to('" + input + "', 'UTF8'), now(), now() + interval '1 day')");
            }
        }
        // Webhook deliveries still pending when the server stops: the receiver is busy and says when to come back
        // (the first delivery is tried, the others wait with it).
        receiver = WebhookReceiver.start();
        receiver.answer(503, Map.of("Retry-After", "20"));
        JsonObject webhook = tokenFromBefore.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/restart") + "\", \"events\": [\"*\"]}");
        webhookSecret = webhook.getString("secret");
        for (int i = 0; i < 3; i++) {
            deletedBefore.add(WebhooksIT.deleteUser(tokenFromBefore, "restart-" + i));
        }
        assertFalse(receiver.await(d -> true, 1, WebhooksIT.WAIT).isEmpty(), "tried before the restart");
        JsonObject pending = WebhooksIT.awaitJson(tokenFromBefore, "/api/webhooks/" + webhook.getString("id") + "/deliveries/?status=pending",
                json -> json.getInt("count") == 3);
        assertEquals(3, pending.getInt("count"), pending::toString);

        // A profile sync in mid-run when the server is stopped (not killed: Seed002IT kills one); of
        // another client, whose enrollments the webhook above does not hear.
        syncTenant = Tenants.create("Stopped Sync Co");
        Api syncOwner = syncTenant.api();
        String syncId = syncOwner.post("/api/facial-recognition/profiles/import", profilesZip(), "application/zip").json()
                .getJsonObject("sync").getString("id");
        do {
            Thread.sleep(250);
            syncBefore = syncOwner.get("/api/facial-recognition/sync/" + syncId + "/").json();
            doneAtTheStop = syncBefore.getJsonObject("progress").getInt("done");
        } while (doneAtTheStop < 5);
        assertTrue(doneAtTheStop < SYNCED_PROFILES, "the sync was still running at the stop: " + doneAtTheStop);

        FaceGateServer.restart();
        restartedAt = Instant.now();
        receiver.answer(200, Map.of());
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void webhookDeliveriesPendingAtTheRestartAreSentAfterIt() throws Exception {
        List<WebhookReceiver.Delivery> after = receiver.await(d -> d.receivedAt().isAfter(restartedAt), 3, Duration.ofSeconds(90));
        assertEquals(deletedBefore, after.stream().map(d -> d.json().getJsonObject("data").getString("client_user_id"))
                .collect(Collectors.toSet()), "none lost");
        for (WebhookReceiver.Delivery delivery : after) {
            delivery.verify(webhookSecret);
        }
        Set<String> ids = receiver.received().stream().map(WebhookReceiver.Delivery::id).collect(Collectors.toSet());
        assertEquals(3, ids.size(), "the same webhook-id before and after the restart");
        System.out.printf("restart: 3 deliveries pending, %d requests received in all, %d after the restart%n",
                receiver.received().size(), after.size());
    }

    /**
     * A stop undeploys the application under the running job: the sync is recorded as cut off while
     * the application stops, and goes on by itself after the start, as after a crash (Seed002IT).
     */
    @Test
    void aProfileSyncStoppedInMidRunGoesOnAfterTheRestartWithoutDuplicates() throws Exception {
        assertTrue(FaceGateServer.announcedCutOffAtTheStop(syncBefore.getJsonNumber("executionId").longValue()),
                "recorded as cut off as the application stopped");
        JsonObject after = Seed002IT.finished(syncTenant.api(), syncBefore);
        assertTrue(after.getBoolean("success"), after::toString);
        assertEquals(SYNCED_PROFILES, after.getInt("synced"), after::toString);
        assertEquals(1, after.getInt("resumptions"), after::toString);
        try (Connection db = FaceGateServer.database(); Statement sql = db.createStatement();
             java.sql.ResultSet rows = sql.executeQuery("select count(*), count(distinct profile_id) from profile_sync_item where sync_id = '"
                     + syncBefore.getString("id") + "'")) {
            rows.next();
            assertEquals(SYNCED_PROFILES, rows.getInt(1), "each profile recorded once");
            assertEquals(SYNCED_PROFILES, rows.getInt(2));
        }
        System.out.printf("restart: profile sync stopped at %d of %d, resumed by the server, %d synced once each%n",
                doneAtTheStop, SYNCED_PROFILES, after.getInt("synced"));
    }

    /** A ZIP of {@value #SYNCED_PROFILES} profile photos: one real face, made small so the upload stays small. */
    private static byte[] profilesZip() throws IOException {
        BufferedImage photo = ImageIO.read(new ByteArrayInputStream(TestData.bytes("identities/Elon_Musk/img18.jpg")));
        int width = 320;
        int height = photo.getHeight() * width / photo.getWidth();
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = small.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(photo, 0, 0, width, height, null);
        graphics.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(small, "jpg", jpeg);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < SYNCED_PROFILES; i++) {
                zip.putNextEntry(new ZipEntry("people/stop" + i + ".jpg"));
                zip.write(jpeg.toByteArray());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void dataAndTokensSurviveARestart() {
        assertEquals("carol", tokenFromBefore.get("/api/clients/users/" + userId).json().getString("external_user_id"),
                "a token issued before the restart is still valid");
        assertEquals(200, tenant.api().get("/api/clients/users/" + userId).status());
    }

    @Test
    void batchJobsStillRecordInPostgresqlAfterARestart() throws Exception {
        assertTrue(BatchJobs.recorded(jobExecutionFromBefore).isPresent(), "the execution from before the restart is kept");
        Api.Reply earlier = Api.bearer(Tenants.adminToken()).get("/api/core/jobs/executions/" + jobExecutionFromBefore);
        assertEquals(404, earlier.status(), "the batch runtime shows a deployment only its own executions: " + earlier);

        JsonObject execution = BatchJobs.runToEnd("purge-expired-tokens");

        assertEquals("COMPLETED", execution.getString("batch_status"), execution::toString);
        long executionId = execution.getJsonNumber("execution_id").longValue();
        // Other jobs may run meanwhile (the stopped profile sync goes on): the execution itself is looked up.
        assertEquals(execution.getString("exit_status"), BatchJobs.recorded(executionId).orElseThrow().exitStatus(),
                "the execution went to PostgreSQL's job repository");
    }

    @Test
    void aQueuedFaceTaskRunsAfterARestartAndAnInterruptedOneFails() throws Exception {
        Api api = tenant.api();
        JsonObject interrupted = api.get("/api/v1/face/verify/status/verify_" + RUNNING_TASK + "/").json();
        assertEquals("failed", interrupted.getString("status"), interrupted::toString);
        assertEquals("interrupted", interrupted.getJsonObject("error").getString("code"));
        long deadline = System.currentTimeMillis() + 60_000;
        JsonObject resumed;
        do {
            Thread.sleep(200);
            resumed = api.get("/api/v1/face/verify/status/verify_" + QUEUED_TASK + "/").json();
        } while (!resumed.getString("status").equals("completed") && System.currentTimeMillis() < deadline);
        assertEquals("completed", resumed.getString("status"), resumed.toString());
        assertFalse(resumed.getJsonObject("result").getBoolean("recognized"));
    }
}

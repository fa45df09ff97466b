package io.facegate.it;

import io.facegate.it.Tenants.Tenant;
import io.facegate.it.WebhookReceiver.Delivery;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks on the real server, to receivers on loopback (the IT server allows loopback webhooks and
 * retries within seconds: {@link FaceGateServer}): real facts arrive signed, a receiver that was
 * down gets everything afterwards, a rolled-back fact sends nothing, 410 and long failure disable,
 * replays keep the id, tenants are apart, and unsafe URLs are refused.
 */
@ExtendWith(FaceGateServer.class)
class WebhooksIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void realFactsArriveSignedInEitherFormat() throws Exception {
        Api api = Tenants.create("Webhook Facts Co").api();
        JsonObject standard = api.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/facts/standard") + "\", \"events\": [\"*\"],"
                + " \"description\": \"everything\", \"bearer_token\": \"seed-002-secret\"}");
        assertTrue(standard.getString("secret").startsWith("whsec_"), standard::toString);
        assertTrue(standard.getBoolean("has_bearer_token"));
        assertFalse(standard.containsKey("bearer_token"), "the token is write-only");
        assertEquals("standard", standard.getString("format"));
        assertFalse(api.get("/api/webhooks/" + standard.getString("id")).json().containsKey("secret"), "the secret is shown once");
        JsonObject legacy = api.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/facts/legacy") + "\","
                + " \"events\": [\"client_user.deleted\"], \"format\": \"facegate-legacy\"}");

        JsonObject enrollment = api.create("/api/auth/enrollment/", "{\"user_id\": \"hook-simm\", \"target_samples\": 1}");
        assertEquals("completed", frame(api, enrollment, "identities/John_Simm/000288_00470387.jpg").getString("session_status"));
        JsonObject verification = api.create("/api/auth/authentication/", "{\"user_id\": \"hook-simm\", \"require_liveness\": false}");
        assertEquals("success", frame(api, verification, "identities/John_Simm/000310_00470511.jpg").getString("result"));
        String userId = api.get("/api/clients/users/?search=hook-simm").json().getJsonArray("results").getJsonObject(0).getString("id");
        assertEquals(204, api.delete("/api/clients/users/" + userId).status());

        List<Delivery> facts = receiver.await(at("/facts/standard"), 3, WAIT);
        assertEquals(List.of("enrollment.completed", "authentication.completed", "client_user.deleted"),
                facts.stream().map(Delivery::type).toList(), "one server sends an endpoint's deliveries in order");
        for (Delivery fact : facts) {
            fact.verify(standard.getString("secret"));
            assertEquals("Bearer seed-002-secret", fact.authorization());
        }
        JsonObject enrolled = facts.get(0).json().getJsonObject("data");
        assertEquals("hook-simm", enrolled.getString("user_id"));
        assertEquals(userId, enrolled.getString("client_user_id"));
        assertEquals(enrollment.getString("enrollment_id"), enrolled.getString("enrollment_id"));
        assertEquals(1, enrolled.getInt("samples"));
        JsonObject authenticated = facts.get(1).json().getJsonObject("data");
        assertTrue(authenticated.getBoolean("authenticated"), authenticated::toString);
        assertEquals("verification", authenticated.getString("session_type"));
        assertEquals("hook-simm", authenticated.getString("user_id"));
        assertTrue(authenticated.getJsonNumber("confidence").doubleValue() > 0.4);
        assertEquals(userId, facts.get(2).json().getJsonObject("data").getString("client_user_id"));
        assertFalse(facts.stream().anyMatch(f -> f.body().contains("template") || f.body().contains("base64")),
                "payloads carry ids and facts, never faces");

        Delivery legacyDeletion = receiver.await(at("/facts/legacy"), 1, WAIT).get(0);
        legacyDeletion.verify(legacy.getString("secret"));
        assertEquals(Set.of("event", "timestamp", "data"), legacyDeletion.json().keySet(), "seed 004's envelope");
        assertEquals("client_user.deleted", legacyDeletion.json().getString("event"));
        assertEquals(null, legacyDeletion.authorization());
        assertEquals(1, receiver.await(at("/facts/legacy"), 2, Duration.ofMillis(500)).size(), "subscribed to deletions only");
    }

    @Test
    void theLogShowsEveryAttemptAndAReplayResendsTheSameId() throws Exception {
        Api api = Tenants.create("Webhook Log Co").api();
        JsonObject created = api.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/log") + "\", \"events\": [\"client_user.deleted\"]}");
        String webhook = created.getString("id");
        deleteUser(api, "log-a");
        deleteUser(api, "log-b");
        List<Delivery> sent = receiver.await(at("/log"), 2, WAIT);
        String deliveries = "/api/webhooks/" + webhook + "/deliveries/";

        JsonObject log = awaitJson(api, deliveries + "?status=succeeded", json -> json.getInt("count") == 2);
        assertEquals(2, log.getInt("count"), log::toString);
        assertEquals(2, api.get(deliveries + "?event=client_user.deleted&from=2020-01-01").json().getInt("count"));
        assertEquals(0, api.get(deliveries + "?status=failed").json().getInt("count"));
        assertEquals(0, api.get(deliveries + "?from=" + Instant.now().plusSeconds(3600)).json().getInt("count"));
        assertEquals(1, api.get(deliveries + "?limit=1").json().getJsonArray("results").size());
        assertEquals("invalid_status", api.get(deliveries + "?status=lost").json().getString("error"));
        assertEquals(400, api.get(deliveries + "?to=yesterday").status());

        Delivery first = sent.get(0);
        JsonObject detail = api.get(deliveries + first.id()).json();
        assertEquals(first.json(), detail.getJsonObject("payload"), "the log keeps the exact body sent");
        assertEquals("succeeded", detail.getString("status"));
        JsonObject attempt = detail.getJsonArray("attempts").getJsonObject(0);
        assertEquals(200, attempt.getInt("status_code"), detail::toString);
        assertEquals("scheduled", attempt.getString("trigger"));
        assertTrue(attempt.getString("response_excerpt").startsWith("{\"received\""), attempt::toString);
        assertTrue(attempt.getJsonNumber("latency_ms").doubleValue() > 0);
        assertTrue(attempt.isNull("next_attempt_at"));

        Api.Reply replay = api.post(deliveries + first.id() + "/replay/", "");
        assertEquals(202, replay.status(), replay::toString);
        List<Delivery> again = receiver.await(d -> first.id().equals(d.id()), 2, WAIT);
        assertEquals(2, again.size(), "the replay arrived");
        assertEquals(first.body(), again.get(1).body(), "same id, same body");
        again.get(1).verify(created.getString("secret"));
        JsonObject replayed = awaitJson(api, deliveries + first.id(), json -> json.getJsonArray("attempts").size() == 2);
        assertEquals("replay", replayed.getJsonArray("attempts").getJsonObject(1).getString("trigger"), replayed::toString);

        JsonObject ping = api.post("/api/webhooks/" + webhook + "/test/", "").json();
        assertTrue(ping.getBoolean("success"), ping::toString);
        assertEquals(200, ping.getInt("status_code"));
        Delivery pinged = receiver.await(d -> ping.getString("delivery_id").equals(d.id()), 1, WAIT).get(0);
        assertEquals("ping", pinged.type(), "a ping whatever the subscription");
        JsonObject pingLog = api.get(deliveries + ping.getString("delivery_id")).json();
        assertEquals("test", pingLog.getJsonArray("attempts").getJsonObject(0).getString("trigger"));
    }

    @Test
    void aReceiverThatIsDownForAWhileGetsEveryEventOnceItIsBack() throws Exception {
        Api api = Tenants.create("Webhook Outage Co").api();
        try (WebhookReceiver flaky = WebhookReceiver.start()) {
            JsonObject webhook = api.create("/api/webhooks/", "{\"url\": \"" + flaky.url("/outage") + "\", \"events\": [\"*\"]}");
            flaky.down();
            Set<String> people = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                people.add(deleteUser(api, "outage-" + i));
            }
            String deliveries = "/api/webhooks/" + webhook.getString("id") + "/deliveries/";
            JsonObject failing = awaitJson(api, deliveries + "?status=pending",
                    json -> json.getInt("count") == 5 && json.getJsonArray("results").stream()
                            .anyMatch(d -> d.asJsonObject().getInt("attempt_count") >= 2));
            JsonObject retried = failing.getJsonArray("results").stream().map(JsonValue::asJsonObject)
                    .max(Comparator.comparingInt(d -> d.getInt("attempt_count"))).orElseThrow();
            assertTrue(retried.getInt("attempt_count") >= 2, failing::toString);
            assertTrue(retried.getString("last_error").contains("onnect"), retried::toString);
            assertFalse(retried.isNull("next_attempt_at"), "pending, with its next attempt");

            flaky.up();
            List<Delivery> arrived = flaky.await(d -> true, 5, WAIT);
            Thread.sleep(1500); // anything sent twice would come now
            arrived = flaky.received();
            Map<String, List<Delivery>> byId = arrived.stream().collect(Collectors.groupingBy(Delivery::id));
            assertEquals(people, arrived.stream().map(d -> d.json().getJsonObject("data").getString("client_user_id")).collect(Collectors.toSet()),
                    "none lost");
            assertEquals(5, byId.size());
            for (List<Delivery> copies : byId.values()) {
                assertEquals(1, copies.stream().map(Delivery::body).distinct().count(), "a duplicate is the same delivery");
                copies.get(0).verify(webhook.getString("secret"));
            }
            JsonObject delivered = awaitJson(api, deliveries + "?status=succeeded", json -> json.getInt("count") == 5);
            int attempts = delivered.getJsonArray("results").stream().mapToInt(d -> d.asJsonObject().getInt("attempt_count")).sum();
            System.out.printf("receiver down: 5 events, %d attempts, %d requests received, %d duplicates%n",
                    attempts, arrived.size(), arrived.size() - byId.size());
        }
    }

    @Test
    void aFactWhoseTransactionRollsBackSendsNothing() throws Exception {
        Api api = Tenants.create("Webhook Rollback Co").api();
        String webhook = api.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/rollback") + "\", \"events\": [\"*\"]}").getString("id");
        String doomed = "rollback-" + UUID.randomUUID();
        String doomedId = api.create("/api/clients/users/", "{\"external_user_id\": \"" + doomed + "\"}").getString("id");
        try (Connection db = FaceGateServer.database(); Statement sql = db.createStatement()) {
            // Fails the commit of that one deletion, after the use case fired its event and the outbox row was written.
            sql.execute("create function webhooks_it_refuse() returns trigger language plpgsql as"
                    + " $$ begin raise exception 'WebhooksIT refuses this commit'; end $$");
            sql.execute("create constraint trigger webhooks_it_refuse after delete on client_user deferrable initially deferred"
                    + " for each row when (old.external_user_id = '" + doomed + "') execute function webhooks_it_refuse()");
            try {
                Api.Reply refused = api.delete("/api/clients/users/" + doomedId);
                assertEquals(500, refused.status(), refused::toString);
            } finally {
                sql.execute("drop trigger webhooks_it_refuse on client_user");
                sql.execute("drop function webhooks_it_refuse()");
            }
        }
        assertEquals(200, api.get("/api/clients/users/" + doomedId).status(), "the deletion was rolled back");
        String kept = deleteUser(api, "rollback-kept");

        receiver.await(at("/rollback"), 1, WAIT);
        Thread.sleep(500);
        List<Delivery> arrived = receiver.received().stream().filter(at("/rollback")).toList();
        assertEquals(List.of(kept), arrived.stream().map(d -> d.json().getJsonObject("data").getString("client_user_id")).toList());
        assertEquals(1, api.get("/api/webhooks/" + webhook + "/deliveries/").json().getInt("count"), "no outbox row survived the rollback");
    }

    @Test
    void goneDisablesTheWebhookAtOnceAndFiveDaysOfFailuresDoToo() throws Exception {
        Api api = Tenants.create("Webhook Gone Co").api();
        try (WebhookReceiver gone = WebhookReceiver.start(); WebhookReceiver broken = WebhookReceiver.start()) {
            gone.answer(410, Map.of());
            broken.answer(500, Map.of());
            String goneHook = api.create("/api/webhooks/", "{\"url\": \"" + gone.url("/gone") + "\", \"events\": [\"*\"]}").getString("id");
            String brokenHook = api.create("/api/webhooks/", "{\"url\": \"" + broken.url("/broken") + "\", \"events\": [\"*\"]}").getString("id");
            try (Connection db = FaceGateServer.database();
                 PreparedStatement failingForDays = db.prepareStatement(
                         "update webhook_endpoint set failing_since = now() - interval '121 hours' where id = ?")) {
                failingForDays.setObject(1, UUID.fromString(brokenHook));
                assertEquals(1, failingForDays.executeUpdate());
            }
            deleteUser(api, "gone-1");

            JsonObject disabled = awaitJson(api, "/api/webhooks/" + goneHook, json -> !json.getBoolean("is_active"));
            assertEquals("gone", disabled.getString("disabled_reason"), disabled::toString);
            assertEquals(1, gone.received().size(), "410 is not retried");
            JsonObject notice = api.get("/api/webhooks/" + goneHook + "/deliveries/?event=webhook.disabled").json().getJsonArray("results").getJsonObject(0);
            assertEquals("notice", notice.getString("status"));
            JsonObject noticeDetail = api.get("/api/webhooks/" + goneHook + "/deliveries/" + notice.getString("id")).json();
            assertEquals("gone", noticeDetail.getJsonObject("payload").getJsonObject("data").getString("reason"));
            assertEquals(409, api.post("/api/webhooks/" + goneHook + "/deliveries/" + notice.getString("id") + "/replay/", "").status());

            JsonObject failed = awaitJson(api, "/api/webhooks/" + brokenHook, json -> !json.getBoolean("is_active"));
            assertEquals("failing", failed.getString("disabled_reason"), failed::toString);
            assertEquals(1, api.get("/api/webhooks/" + brokenHook + "/deliveries/?event=webhook.disabled").json().getInt("count"));
            assertEquals("failed", api.get("/api/webhooks/" + brokenHook + "/deliveries/?event=client_user.deleted")
                    .json().getJsonArray("results").getJsonObject(0).getString("status"), "no retries once disabled");

            deleteUser(api, "gone-2");
            Thread.sleep(1000);
            assertEquals(1, gone.received().size(), "a disabled webhook is sent nothing");
            assertEquals(2, api.get("/api/webhooks/" + goneHook + "/deliveries/").json().getInt("count"), "the failed delivery and the notice");

            JsonObject resumed = api.patch("/api/webhooks/" + goneHook, "{\"is_active\": true}").json();
            assertTrue(resumed.getBoolean("is_active"));
            assertTrue(resumed.isNull("disabled_reason"));
        }
    }

    @Test
    void rotatingTheSecretSignsWithBothDuringTheOverlap() throws Exception {
        Api api = Tenants.create("Webhook Rotation Co").api();
        JsonObject created = api.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/rotation") + "\", \"events\": [\"*\"]}");
        String webhook = "/api/webhooks/" + created.getString("id");
        Api.Reply rotated = api.post(webhook + "/rotate-secret/", "");
        assertEquals(200, rotated.status(), rotated::toString);
        String second = rotated.json().getString("secret");
        assertFalse(rotated.json().isNull("previous_secret_expires_at"));
        deleteUser(api, "rotation-1");
        Delivery overlapping = receiver.await(at("/rotation"), 1, WAIT).get(0);
        assertEquals(2, overlapping.signature().split(" ").length, overlapping::signature);
        overlapping.verify(created.getString("secret"));
        overlapping.verify(second);

        String third = api.post(webhook + "/rotate-secret", "{\"overlap_minutes\": 0}").json().getString("secret");
        deleteUser(api, "rotation-2");
        Delivery after = receiver.await(at("/rotation"), 2, WAIT).get(1);
        assertEquals(1, after.signature().split(" ").length);
        after.verify(third);
        assertThrows(Exception.class, () -> after.verify(second), "without overlap the previous secret stops at once");
        assertEquals("invalid_overlap", api.post(webhook + "/rotate-secret/", "{\"overlap_minutes\": 999999}").json().getString("error"));
    }

    @Test
    void finishedDeliveriesArePurgedAfterTheirRetention() throws Exception {
        Api api = Tenants.create("Webhook Retention Co").api();
        String webhook = api.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/retention") + "\", \"events\": [\"*\"]}").getString("id");
        deleteUser(api, "retention-old");
        deleteUser(api, "retention-pending");
        List<Delivery> sent = receiver.await(at("/retention"), 2, WAIT);
        awaitJson(api, "/api/webhooks/" + webhook + "/deliveries/?status=succeeded", json -> json.getInt("count") == 2);
        UUID old = UUID.fromString(sent.get(0).id());
        UUID stillPending = UUID.fromString(sent.get(1).id());
        try (Connection db = FaceGateServer.database();
             PreparedStatement age = db.prepareStatement("update webhook_delivery set created_at = now() - interval '31 days',"
                     + " status = ?, next_attempt_at = ? where id = ?")) {
            age.setString(1, "SUCCEEDED");
            age.setObject(2, null);
            age.setObject(3, old);
            age.executeUpdate();
            age.setString(1, "PENDING");
            age.setObject(2, Timestamp.from(Instant.now().plus(Duration.ofDays(1))));
            age.setObject(3, stillPending);
            age.executeUpdate();
        }

        JsonObject execution = BatchJobs.runToEnd("purge-webhook-deliveries");

        assertEquals("COMPLETED", execution.getString("batch_status"), execution::toString);
        assertEquals("DELETED 1", execution.getString("exit_status"));
        assertEquals(404, api.get("/api/webhooks/" + webhook + "/deliveries/" + old).status());
        assertEquals(200, api.get("/api/webhooks/" + webhook + "/deliveries/" + stillPending).status(), "what is still to be sent is kept");
        try (Connection db = FaceGateServer.database();
             PreparedStatement attempts = db.prepareStatement("select count(*) from webhook_attempt where delivery_id = ?")) {
            attempts.setObject(1, old);
            try (ResultSet row = attempts.executeQuery()) {
                row.next();
                assertEquals(0, row.getInt(1), "its attempts went with it");
            }
        }
    }

    @Test
    void anotherTenantsWebhooksAndDeliveriesAreNotFound() throws Exception {
        Api owner = Tenants.create("Webhook Owner Co").api();
        Api stranger = Tenants.create("Webhook Stranger Co").api();
        String webhook = owner.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/owned") + "\", \"events\": [\"*\"]}").getString("id");
        String otherWebhook = owner.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/owned-2") + "\","
                + " \"events\": [\"enrollment.completed\"]}").getString("id");
        deleteUser(owner, "owned-1");
        String delivery = receiver.await(at("/owned"), 1, WAIT).get(0).id();
        String missing = UUID.randomUUID().toString();

        Api.Reply notFound = stranger.get("/api/webhooks/" + missing);
        assertEquals(404, notFound.status());
        for (String path : List.of("/api/webhooks/" + webhook, "/api/webhooks/" + webhook + "/deliveries/",
                "/api/webhooks/" + webhook + "/deliveries/" + delivery)) {
            Api.Reply reply = stranger.get(path);
            assertEquals(404, reply.status(), path);
            assertEquals(notFound.json().getString("error"), reply.json().getString("error"));
        }
        assertEquals(notFound.body(), stranger.get("/api/webhooks/" + webhook).body(), "exactly like a missing one");
        assertEquals(404, owner.get("/api/webhooks/" + otherWebhook + "/deliveries/" + delivery).status(),
                "a delivery belongs to its own webhook");
        assertEquals(404, stranger.patch("/api/webhooks/" + webhook, "{\"is_active\": false}").status());
        assertEquals(404, stranger.delete("/api/webhooks/" + webhook).status());
        assertEquals(404, stranger.post("/api/webhooks/" + webhook + "/test/", "").status());
        assertEquals(404, stranger.post("/api/webhooks/" + webhook + "/rotate-secret/", "{}").status());
        assertEquals(404, stranger.post("/api/webhooks/" + webhook + "/deliveries/" + delivery + "/replay/", "").status());
        assertEquals(0, stranger.get("/api/webhooks/").json().getInt("count"));
        assertTrue(owner.get("/api/webhooks/" + webhook).json().getBoolean("is_active"), "untouched");
    }

    @Test
    void putReplacesTheSettingsAndPatchChangesSome() {
        Api api = Tenants.create("Webhook Settings Co").api();
        JsonObject created = api.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/settings") + "\", \"events\": [\"*\"],"
                + " \"description\": \"first\", \"format\": \"facegate-legacy\", \"bearer_token\": \"t1\"}");
        String webhook = "/api/webhooks/" + created.getString("id") + "/";

        JsonObject patched = api.patch(webhook, "{\"events\": [\"enrollment.completed\", \"enrollment.completed\"], \"is_active\": false}").json();
        assertEquals(List.of("enrollment.completed"), patched.getJsonArray("events").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertFalse(patched.getBoolean("is_active"));
        assertEquals("first", patched.getString("description"), "what PATCH leaves out stays");
        assertEquals("facegate-legacy", patched.getString("format"));

        JsonObject replaced = api.put(webhook, "{\"url\": \"" + receiver.url("/settings-2") + "\", \"events\": [\"*\"]}").json();
        assertEquals(receiver.url("/settings-2"), replaced.getString("url"));
        assertTrue(replaced.isNull("description"), "what PUT leaves out takes its default");
        assertEquals("standard", replaced.getString("format"));
        assertTrue(replaced.getBoolean("is_active"));
        assertTrue(replaced.getBoolean("has_bearer_token"), "the write-only token stays unless removed");
        assertFalse(api.patch(webhook, "{\"bearer_token\": \"\"}").json().getBoolean("has_bearer_token"));
        assertEquals(400, api.put(webhook, "{\"url\": \"" + receiver.url("/settings-3") + "\"}").status(), "PUT needs events");
        assertEquals(422, api.patch(webhook, "{\"url\": \"http://169.254.169.254/\"}").status());
        assertEquals(204, api.delete(webhook).status());
        assertEquals(404, api.get(webhook).status());
    }

    @Test
    void unsafeOrInvalidWebhooksAreRefusedWithClearErrors() {
        Api api = Tenants.create("Webhook Refusals Co").api();
        JsonObject metadata = refused(api, "http://169.254.169.254/latest/meta-data/", 422);
        assertEquals("egress_refused", metadata.getString("error"));
        assertEquals("cloud_metadata", metadata.getJsonObject("details").getString("reason"));
        assertTrue(metadata.getString("message").contains("never connects"), metadata::toString);
        JsonObject lan = refused(api, "http://10.20.30.40/hook", 422);
        assertEquals("private", lan.getJsonObject("details").getString("reason"), "private ranges only when the operator allows them");
        assertTrue(lan.getString("message").contains("FACEGATE_EGRESS_WEBHOOK_ALLOW"), lan::toString);
        assertEquals("scheme", refused(api, "ftp://example.com/hook", 422).getJsonObject("details").getString("reason"));
        assertEquals("invalid_url", refused(api, "https://user:password@example.com/hook", 422).getString("error"));

        JsonObject missing = api.post("/api/webhooks/", "{\"events\": []}").json();
        assertTrue(missing.getString("error").startsWith("missing_"), missing::toString);
        assertTrue(missing.getJsonObject("details").getJsonObject("fields").containsKey("url"), missing::toString);
        assertTrue(missing.getJsonObject("details").getJsonObject("fields").containsKey("events"), missing::toString);
        JsonObject format = api.post("/api/webhooks/", "{\"url\": \"https://example.com/h\", \"events\": [\"*\"], \"format\": \"xml\"}").json();
        assertTrue(format.getJsonObject("details").getJsonObject("fields").containsKey("format"), format::toString);
        JsonObject unknown = api.post("/api/webhooks/", "{\"url\": \"https://example.com/h\", \"events\": [\"face.seen\"]}").json();
        assertEquals("invalid_events", unknown.getString("error"), unknown::toString);
        assertEquals(400, api.post("/api/webhooks/", "{\"url\": 5, \"events\": \"*\"}").status());
        assertEquals(400, api.post("/api/webhooks/", "").status());
        assertTrue(api.get("/api/webhooks/event-types/").body().contains("authentication.completed"));
        JsonObject paths = Api.anonymous().header("Accept", "application/json").get("/api/schema/").json().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/webhooks/{id}/deliveries/{delivery_id}/replay"), "documented in OpenAPI");
        assertEquals(200, api.get("/api/webhooks").status());
        assertEquals(0, api.get("/api/webhooks/").json().getInt("count"), "nothing refused was saved");
    }

    private static JsonObject refused(Api api, String url, int status) {
        Api.Reply reply = api.post("/api/webhooks/", "{\"url\": \"" + url + "\", \"events\": [\"*\"]}");
        assertEquals(status, reply.status(), reply::toString);
        return reply.json();
    }

    private static Predicate<Delivery> at(String path) {
        return delivery -> delivery.path().equals(path);
    }

    /** Creates a person and deletes them (a client_user.deleted fact); their id. */
    static String deleteUser(Api api, String externalId) {
        String id = api.create("/api/clients/users/", "{\"external_user_id\": \"" + externalId + "\"}").getString("id");
        Api.Reply deleted = api.delete("/api/clients/users/" + id);
        assertEquals(204, deleted.status(), deleted::toString);
        return id;
    }

    private static JsonObject frame(Api api, JsonObject session, String photo) {
        Api.Reply reply = TestData.Multipart.of("session_token", session.getString("session_token"), "image", "@" + photo)
                .post(api, "/api/auth/process-image/");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** Polls {@code path} until {@code done} holds (the log is written after each send), at most {@link #WAIT}. */
    static JsonObject awaitJson(Api api, String path, Predicate<JsonObject> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        JsonObject json = api.get(path).json();
        while (!done.test(json) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            json = api.get(path).json();
        }
        return json;
    }
}

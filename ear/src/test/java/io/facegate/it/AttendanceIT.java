package io.facegate.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 004's attendance on the deployed EAR with real photos: an admin creates people and enrolls
 * three through the asynchronous task; a camera's frames of one of them log one attendance, not one
 * per frame; a session and a mobile check-in log theirs; a manual mark records who made it; a
 * student sees only their own logs and faculty their department's; logout ends both tokens;
 * summaries of known logs across days, weeks, a month and a time-zone boundary; the sixth login in
 * a minute is refused with a Retry-After that holds; another tenant reads every id as unknown.
 */
@ExtendWith(FaceGateServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttendanceIT {

    private static final String PASSWORD = "correct horse battery";
    private static Tenants.Tenant tenant;
    private static Api admin;
    private static Api stranger;
    private static final Map<String, JsonObject> people = new HashMap<>();
    private static final Map<String, String> enrollTasks = new HashMap<>();

    @BeforeAll
    static void peopleOfOneClient() {
        tenant = Tenants.create("Attendance College");
        admin = tenant.api();
        stranger = Tenants.create("Attendance Stranger").api();
        JsonObject settings = admin.put("/api/v1/attendance/settings/", "{\"time_zone\": \"America/New_York\", \"debounce_seconds\": 3600,"
                + " \"geofence\": {\"latitude\": 40.7128, \"longitude\": -74.0060, \"radius_meters\": 500}}").json();
        assertEquals("America/New_York", settings.getString("time_zone"));
        person("simm", "FAC100", "faculty", "Computer Science");
        person("savage", "STU200", "student", "Computer Science");
        person("schneider", "STU300", "student", "Mathematics");
        person("dean", "ADM001", "admin", null);
    }

    private static void person(String key, String employeeId, String role, String department) {
        JsonObject created = admin.create("/api/v1/users/", "{\"employee_id\": \"" + employeeId + "\", \"email\": \"" + key
                + "@college.example\", \"first_name\": \"" + key + "\", \"last_name\": \"Test\", \"role\": \"" + role + "\", \"department\": "
                + (department == null ? "null" : "\"" + department + "\"") + ", \"password\": \"" + PASSWORD + "\"}");
        assertEquals(employeeId, created.getString("employee_id"));
        assertEquals(role, created.getString("role"));
        assertFalse(created.getBoolean("face_enrolled"));
        assertFalse(created.containsKey("password"));
        people.put(key, created);
    }

    @Test
    @Order(1)
    void threePeopleEnrollThroughTheAsynchronousTask() {
        enroll("simm", "John_Simm", "000288_00470387.jpg", "000297_00470170.jpg", "000300_00470148.jpg");
        enroll("savage", "John_Savage", "000264_01099001.jpg", "000274_01099061.jpg", "000277_01099000.jpg");
        enroll("schneider", "John_Schneider", "000288_00925786.jpg", "000302_00925785.jpg", "000307_00925823.jpg");
        for (var entry : enrollTasks.entrySet()) {
            JsonObject status = awaitTask("/api/v1/face/enroll/status/", entry.getValue());
            assertEquals("completed", status.getString("status"), status::toString);
            JsonObject result = status.getJsonObject("result");
            assertTrue(result.getBoolean("success"));
            assertEquals(3, result.getInt("faces_detected"));
            assertEquals(3, result.getJsonArray("quality_scores").size());
            assertTrue(result.getBoolean("template_created"));
            assertTrue(status.getJsonNumber("processing_time").doubleValue() > 0);
        }
        assertTrue(admin.get("/api/v1/users/" + id("simm") + "/").json().getBoolean("face_enrolled"));
        JsonArray listed = admin.get("/api/v1/face/enroll/status/").json().getJsonArray("results");
        assertEquals(3, listed.size());

        Api.Reply wrongPerson = admin.post("/api/v1/face/enroll/", "{\"employee_id\": \"NOBODY\", \"images\": [\"a\", \"b\", \"c\"]}");
        assertEquals(404, wrongPerson.status(), wrongPerson::toString);
        Api.Reply tooFew = admin.post("/api/v1/face/enroll/", "{\"employee_id\": \"FAC100\", \"images\": [\"a\"]}");
        assertEquals(400, tooFew.status(), tooFew::toString);
    }

    private static void enroll(String key, String identity, String... photos) {
        String images = java.util.Arrays.stream(photos).map(p -> "\"" + dataUrl(identity + "/" + p) + "\"").collect(Collectors.joining(","));
        Api.Reply queued = admin.post("/api/v1/face/enroll/", "{\"employee_id\": \"" + people.get(key).getString("employee_id")
                + "\", \"images\": [" + images + "], \"quality_check\": true}");
        assertEquals(202, queued.status(), queued::toString);
        assertEquals("queued", queued.json().getString("status"));
        assertTrue(queued.json().getString("task_id").startsWith("enroll_"));
        enrollTasks.put(key, queued.json().getString("task_id"));
    }

    @Test
    @Order(2)
    void aCameraSeeingSomeoneForSeveralFramesLogsThemOnce() {
        List<String> frames = List.of("000304_00470122.jpg", "000305_00470162.jpg", "000305_00470717.jpg");
        boolean first = true;
        for (String frame : frames) {
            JsonObject result = verify("{\"image\": \"" + dataUrl("John_Simm/" + frame) + "\", \"camera_id\": \"CAM001\","
                    + " \"location\": \"Main Building Entrance\"}");
            assertTrue(result.getBoolean("recognized"), result::toString);
            assertEquals("FAC100", result.getString("employee_id"));
            assertEquals("simm Test", result.getString("name"));
            assertTrue(result.getJsonNumber("similarity_score").doubleValue() >= 0.4);
            assertTrue(result.getBoolean("is_live"), result::toString);
            assertEquals(first, result.getBoolean("attendance_logged"), "only the first frame logs: " + result);
            first = false;
        }
        JsonObject logs = admin.get("/api/v1/attendance/logs/?camera_id=CAM001").json();
        assertEquals(1, logs.getInt("count"), logs::toString);
        JsonObject log = logs.getJsonArray("results").getJsonObject(0);
        assertEquals("FAC100", log.getJsonObject("employee").getString("employee_id"));
        assertEquals("Computer Science", log.getJsonObject("employee").getString("department"));
        assertEquals("CAM001", log.getJsonObject("camera").getString("id"));
        assertEquals("Main Building Entrance", log.getJsonObject("camera").getString("location"));
        assertEquals("verify", log.getString("source"));
        assertTrue(log.getJsonNumber("confidence").doubleValue() > 0.4);

        // Several faces at once: the bulk task finds the person again, debounced.
        Api.Reply bulk = admin.post("/api/v1/face/bulk-verify/", "{\"images\": [{\"id\": \"frame_001\", \"image\": \""
                + dataUrl("John_Simm/000304_00470122.jpg") + "\", \"camera_id\": \"CAM001\"}], \"options\": {\"max_faces\": 5}}");
        assertEquals(202, bulk.status(), bulk::toString);
        JsonObject done = awaitTask("/api/v1/face/verify/status/", bulk.json().getString("task_id"));
        JsonObject face = done.getJsonObject("result").getJsonArray("images").getJsonObject(0).getJsonArray("faces").getJsonObject(0);
        assertTrue(face.getBoolean("recognized"));
        assertFalse(face.getBoolean("attendance_logged"));

        JsonObject stranger = verify("{\"image\": \"" + dataUrl("Jeff_Bezos/img20.jpg") + "\", \"camera_id\": \"CAM001\"}");
        assertFalse(stranger.getBoolean("recognized"), stranger::toString);
        assertFalse(stranger.getBoolean("attendance_logged"));
    }

    @Test
    @Order(3)
    void aSessionTheIntegratorMarksLogsItsPerson() {
        Api.Reply opened = admin.post("/api/auth/authentication/", "{\"require_liveness\": false,"
                + " \"metadata\": {\"log_attendance\": true, \"camera_id\": \"KIOSK1\", \"location\": \"Library\"}}");
        assertEquals(201, opened.status(), opened::toString);
        Api.Reply frame = admin.post("/api/auth/process-image/", "{\"session_token\": \"" + opened.json().getString("session_token")
                + "\", \"image\": \"" + TestData.base64("identities/John_Schneider/000325_00925954.jpg") + "\"}");
        assertEquals(200, frame.status(), frame::toString);
        JsonObject logs = admin.get("/api/v1/attendance/logs/?employee_id=STU300").json();
        assertEquals(1, logs.getInt("count"), logs::toString);
        JsonObject log = logs.getJsonArray("results").getJsonObject(0);
        assertEquals("session", log.getString("source"));
        assertEquals("KIOSK1", log.getJsonObject("camera").getString("id"));
    }

    @Test
    @Order(4)
    void aStudentChecksInFromTheirPhoneInsideTheGeofenceOnly() {
        Api student = login("savage");
        String selfie = dataUrl("John_Savage/000289_01099139.jpg");
        Api.Reply outside = student.post("/api/v1/mobile/check-in/", "{\"image\": \"" + selfie
                + "\", \"location\": {\"latitude\": 40.80, \"longitude\": -74.0060}}");
        assertEquals(403, outside.status(), outside::toString);
        assertEquals("outside_geofence", outside.json().getString("error"));
        Api.Reply notMe = student.post("/api/v1/mobile/check-in/", "{\"image\": \"" + dataUrl("John_Simm/000304_00470122.jpg")
                + "\", \"location\": {\"latitude\": 40.7130, \"longitude\": -74.0062}}");
        assertEquals(422, notMe.status(), notMe::toString);
        assertEquals("face_mismatch", notMe.json().getString("error"));
        Api.Reply inside = student.post("/api/v1/mobile/check-in/", "{\"image\": \"" + selfie
                + "\", \"location\": {\"latitude\": 40.7130, \"longitude\": -74.0062}, \"timestamp\": \"2020-01-01T00:00:00Z\"}");
        assertEquals(200, inside.status(), inside::toString);
        JsonObject checkIn = inside.json();
        assertTrue(checkIn.getBoolean("attendance_logged"), checkIn::toString);
        assertEquals("mobile", checkIn.getJsonObject("attendance").getString("source"));
        assertTrue(checkIn.getJsonObject("attendance").getString("timestamp").startsWith(java.time.Year.now().toString()),
                "the server's clock dates it, not the phone's");

        JsonObject profile = student.get("/api/v1/mobile/profile/").json();
        assertEquals("STU200", profile.getString("employee_id"));
        assertTrue(profile.getBoolean("face_enrolled"));
        assertNotNull(profile.getString("today_attendance"));
        assertEquals(1, profile.getInt("this_week_days"));
        assertEquals(403, admin.get("/api/v1/mobile/profile/").status(), "the client's credentials are not a person");
    }

    @Test
    @Order(5)
    void aManualMarkRecordsWhoReallyMadeIt() {
        Api dean = login("dean");
        Api.Reply marked = dean.post("/api/v1/attendance/mark/", "{\"employee_id\": \"STU300\", \"timestamp\": \"2024-03-15T08:45:00Z\","
                + " \"reason\": \"Camera offline\", \"marked_by\": \"dean@college.example\"}");
        assertEquals(201, marked.status(), marked::toString);
        JsonObject manual = marked.json().getJsonObject("manual");
        assertEquals("Camera offline", manual.getString("reason"));
        assertEquals("dean@college.example", manual.getString("marked_by"));
        assertEquals("person:" + id("dean"), manual.getString("recorded_by"));
        assertEquals("manual", marked.json().getString("source"));

        Api.Reply impersonating = dean.post("/api/v1/attendance/mark/", "{\"employee_id\": \"STU300\", \"reason\": \"x\","
                + " \"marked_by\": \"someone.else@college.example\"}");
        assertEquals(400, impersonating.status(), impersonating::toString);
        Api.Reply byBackend = admin.post("/api/v1/attendance/mark/", "{\"employee_id\": \"STU300\", \"timestamp\": \"2024-03-14T08:45:00Z\","
                + " \"reason\": \"Sick note\", \"marked_by\": \"hr@college.example\"}");
        assertEquals("client:" + tenant.id(), byBackend.json().getJsonObject("manual").getString("recorded_by"));
        assertEquals(400, admin.post("/api/v1/attendance/mark/", "{\"employee_id\": \"STU300\", \"reason\": \"future\","
                + " \"timestamp\": \"2099-01-01T00:00:00Z\"}").status());
        assertEquals(403, login("savage").post("/api/v1/attendance/mark/", "{\"employee_id\": \"STU200\", \"reason\": \"me\"}").status(),
                "a student may not mark anyone");
    }

    @Test
    @Order(6)
    void studentsSeeTheirOwnLogsAndFacultyTheirDepartment() {
        Api student = login("savage");
        JsonObject own = student.get("/api/v1/attendance/logs/").json();
        assertTrue(own.getInt("count") >= 1);
        assertEquals(Set.of("STU200"), employees(own));
        assertEquals(0, student.get("/api/v1/attendance/logs/?employee_id=FAC100").json().getInt("count"));
        assertEquals(403, student.get("/api/v1/users/").status());
        assertEquals(403, student.get("/api/v1/attendance/summary/").status());

        Api faculty = login("simm");
        JsonObject department = faculty.get("/api/v1/attendance/logs/?page_size=100").json();
        assertEquals(Set.of("FAC100", "STU200"), employees(department), department::toString);
        JsonObject summary = faculty.get("/api/v1/attendance/summary/?period=daily").json();
        assertEquals(Set.of("Computer Science"), summary.getJsonObject("departments").keySet());
        assertEquals(403, faculty.get("/api/v1/users/").status());

        JsonObject everyone = login("dean").get("/api/v1/attendance/logs/?page_size=100").json();
        assertEquals(Set.of("FAC100", "STU200", "STU300"), employees(everyone));
        assertEquals(200, login("dean").get("/api/v1/users/?role=student&department=Computer%20Science").status());
        JsonObject students = admin.get("/api/v1/users/?role=student&page_size=1").json();
        assertEquals(2, students.getInt("count"));
        assertTrue(students.getString("next").contains("page=2"), students::toString);
    }

    @Test
    @Order(7)
    void logoutEndsTheRefreshTokenAndTheAccessToken() {
        JsonObject tokens = loginReply("schneider").json();
        Api person = Api.bearer(tokens.getString("access"));
        assertEquals(200, person.get("/api/v1/mobile/profile/").status());
        assertEquals(204, person.post("/api/v1/auth/logout/", "{\"refresh\": \"" + tokens.getString("refresh") + "\"}").status());
        Api.Reply after = person.get("/api/v1/mobile/profile/");
        assertEquals(401, after.status(), after::toString);
        Api.Reply refreshed = Api.anonymous().post("/api/v1/auth/refresh/", "{\"refresh\": \"" + tokens.getString("refresh") + "\"}");
        assertEquals(401, refreshed.status(), refreshed::toString);

        JsonObject again = loginReply("schneider").json();
        JsonObject rotated = Api.anonymous().post("/api/v1/auth/refresh/", "{\"refresh\": \"" + again.getString("refresh") + "\"}").json();
        assertEquals(200, Api.bearer(rotated.getString("access")).get("/api/v1/mobile/profile/").status());
        assertEquals(401, Api.anonymous().post("/api/v1/auth/refresh/", "{\"refresh\": \"" + again.getString("refresh") + "\"}").status(),
                "a refresh token works once");

        admin.delete("/api/v1/users/" + id("schneider") + "/");
        assertEquals(401, Api.bearer(rotated.getString("access")).get("/api/v1/mobile/profile/").status(), "deactivated");
        assertEquals(401, loginReply("schneider").status());
    }

    @Test
    @Order(8)
    void summariesCountInTheClientsTimeZoneAcrossDaysWeeksAndMonths() {
        Tenants.Tenant other = Tenants.create("Attendance Summaries");
        Api api = other.api();
        api.put("/api/v1/attendance/settings/", "{\"time_zone\": \"America/New_York\", \"debounce_seconds\": 0}");
        api.create("/api/v1/users/", "{\"employee_id\": \"X\", \"department\": \"Alpha\"}");
        api.create("/api/v1/users/", "{\"employee_id\": \"Y\", \"department\": \"Beta\"}");
        // New York is UTC-5 until 2024-03-10, UTC-4 after.
        for (String mark : List.of("X 2024-03-04T13:30:00Z", "Y 2024-03-04T14:10:00Z", "X 2024-03-05T03:30:00Z", "X 2024-03-06T13:05:00Z",
                "Y 2024-03-11T12:15:00Z", "X 2024-04-01T02:00:00Z", "Y 2024-04-02T13:00:00Z")) {
            String[] parts = mark.split(" ");
            api.create("/api/v1/attendance/mark/", "{\"employee_id\": \"" + parts[0] + "\", \"timestamp\": \"" + parts[1]
                    + "\", \"reason\": \"import\"}");
        }
        JsonObject monday = api.get("/api/v1/attendance/summary/?period=daily&date_from=2024-03-04").json();
        assertEquals("2024-03-04", monday.getString("date"));
        assertEquals(3, monday.getInt("total_attendances"), "22:30 in New York is still Monday: " + monday);
        assertEquals(2, monday.getInt("unique_persons"));
        assertEquals(Map.of("Alpha", 2, "Beta", 1), counts(monday.getJsonObject("departments")));
        assertEquals(Map.of("08:00", 1, "09:00", 1, "22:00", 1), counts(monday.getJsonObject("hourly_distribution")));

        JsonObject week = api.get("/api/v1/attendance/summary/?period=weekly&date_from=2024-03-04").json();
        assertEquals("2024-03-10", week.getString("date_to"));
        assertEquals(4, week.getInt("total_attendances"));

        JsonObject march = api.get("/api/v1/attendance/summary/?period=weekly&date_from=2024-03-01&date_to=2024-03-31").json();
        assertEquals(6, march.getInt("total_attendances"), "2024-04-01T02:00Z is March 31 in New York: " + march);
        assertEquals(2, march.getInt("unique_persons"));
        assertEquals(Map.of("2024-03-04", 4, "2024-03-11", 1, "2024-03-25", 1), breakdown(march));
        assertEquals(Map.of("08:00", 3, "09:00", 1, "22:00", 2), counts(march.getJsonObject("hourly_distribution")),
                "12:15Z is 08:15 once daylight saving time started: " + march);

        JsonObject months = api.get("/api/v1/attendance/summary/?period=monthly&date_from=2024-01-01&date_to=2024-12-31&department=Beta")
                .json();
        assertEquals(3, months.getInt("total_attendances"));
        assertEquals(Map.of("2024-03-01", 2, "2024-04-01", 1), breakdown(months));
        assertEquals(7, api.get("/api/v1/attendance/summary/?period=yearly&date_from=2024-01-01").json().getInt("total_attendances"));
        assertEquals(400, api.get("/api/v1/attendance/summary/?period=hourly").status());
        assertEquals(400, api.get("/api/v1/attendance/summary/?date_from=2024-03-05&date_to=2024-03-01").status());
        assertEquals(400, api.put("/api/v1/attendance/settings/", "{\"time_zone\": \"Mars/Olympus\", \"debounce_seconds\": 0}").status());
        assertEquals(3, api.get("/api/v1/attendance/logs/?date_from=2024-03-04&date_to=2024-03-04").json().getInt("count"));
    }

    @Test
    @Order(9)
    void theSixthLoginInAMinuteIsRefusedUntilRetryAfter() throws InterruptedException {
        person("gatekeeper", "STF500", "faculty", "Security");
        Api.Reply reply = null;
        for (int i = 1; i <= 6; i++) {
            reply = loginReply("gatekeeper");
            if (i < 6) {
                assertEquals(200, reply.status(), "login " + i + ": " + reply);
                assertEquals(String.valueOf(5 - i), reply.raw().headers().firstValue("RateLimit-Remaining").orElse(null));
            }
        }
        assertEquals(429, reply.status(), reply::toString);
        assertEquals("rate_limited", reply.json().getString("error"));
        assertEquals("authentication", reply.json().getJsonObject("details").getString("category"));
        assertEquals("5", reply.raw().headers().firstValue("RateLimit-Limit").orElse(null));
        assertEquals("0", reply.raw().headers().firstValue("RateLimit-Remaining").orElse(null));
        long retryAfter = Long.parseLong(reply.raw().headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 12, "one login comes back every 12 s: " + retryAfter);
        assertEquals(429, loginReply("gatekeeper").status(), "still refused before Retry-After");
        Thread.sleep(retryAfter * 1000 + 200);
        assertEquals(200, loginReply("gatekeeper").status(), "accepted once Retry-After has passed");
    }

    @Test
    @Order(10)
    void anotherTenantReadsEveryIdAsUnknown() {
        assertEquals(404, stranger.get("/api/v1/users/" + id("simm") + "/").status());
        assertEquals(404, stranger.put("/api/v1/users/" + id("simm") + "/", "{\"role\": \"admin\"}").status());
        assertEquals(404, stranger.get("/api/v1/face/enroll/status/" + enrollTasks.get("simm") + "/").status());
        assertEquals(0, stranger.get("/api/v1/attendance/logs/").json().getInt("count"));
        assertEquals(404, stranger.post("/api/v1/face/enroll/", "{\"employee_id\": \"FAC100\", \"images\": [\"a\", \"b\", \"c\"]}").status());
        Api.Reply otherTenantsLogin = Api.anonymous().header("X-API-Key", Tenants.create("Attendance Third").apiKey())
                .post("/api/v1/auth/login/", "{\"email\": \"simm@college.example\", \"password\": \"" + PASSWORD + "\"}");
        assertEquals(401, otherTenantsLogin.status(), "a person logs in to their own tenant only");
    }

    @Test
    @Order(11)
    void aDisabledClientsPeopleAreRefusedLikeTheClient() {
        Api dean = login("dean");
        assertEquals(200, Api.bearer(Tenants.adminToken()).patch("/api/core/clients/" + tenant.id() + "/", "{\"is_active\": false}").status());
        Api.Reply refused = dean.get("/api/v1/attendance/logs/");
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("client_disabled", refused.json().getString("error"));
        assertEquals(401, loginReply("simm").status());
    }

    private static JsonObject verify(String body) {
        Api.Reply queued = admin.post("/api/v1/face/verify/", body);
        assertEquals(202, queued.status(), queued::toString);
        JsonObject done = awaitTask("/api/v1/face/verify/status/", queued.json().getString("task_id"));
        assertEquals("completed", done.getString("status"), done::toString);
        return done.getJsonObject("result");
    }

    static JsonObject awaitTask(String statusPath, String taskId) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonObject status = admin.get(statusPath + taskId + "/").json();
            if (Set.of("completed", "failed").contains(status.getString("status")) || System.currentTimeMillis() > deadline) {
                return status;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Api.Reply loginReply(String key) {
        return Api.anonymous().header("X-API-Key", tenant.apiKey())
                .post("/api/v1/auth/login/", "{\"email\": \"" + key + "@college.example\", \"password\": \"" + PASSWORD + "\"}");
    }

    private static Api login(String key) {
        Api.Reply reply = Api.anonymous().post("/api/v1/auth/login/", "{\"email\": \"" + key.toUpperCase() + "@college.example\","
                + " \"password\": \"" + PASSWORD + "\", \"api_key\": \"" + tenant.apiKey() + "\"}");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(key + "@college.example", reply.json().getJsonObject("user").getString("email"));
        return Api.bearer(reply.json().getString("access"));
    }

    private static String id(String key) {
        return people.get(key).getString("id");
    }

    private static String dataUrl(String identityPhoto) {
        return "data:image/jpeg;base64," + TestData.base64("identities/" + identityPhoto);
    }

    private static Set<String> employees(JsonObject page) {
        return page.getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .map(log -> log.getJsonObject("employee").getString("employee_id")).collect(Collectors.toSet());
    }

    private static Map<String, Integer> counts(JsonObject object) {
        return object.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> ((jakarta.json.JsonNumber) e.getValue()).intValue()));
    }

    private static Map<String, Integer> breakdown(JsonObject summary) {
        return summary.getJsonArray("breakdown").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(p -> p.getString("date"), p -> p.getInt("total_attendances")));
    }
}

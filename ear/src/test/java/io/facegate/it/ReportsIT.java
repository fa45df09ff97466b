package io.facegate.it;

import jakarta.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 004's attendance report over February 2024 in New York, with attendance of known people
 * written straight into the database: the JSON figures are exact (weekends, a holiday, a log late
 * in the evening that is the next day in UTC, a deactivated person who does not count), and the
 * batch job's PDF and Excel read back with the expected text, chart and typed cells. Another
 * tenant reads the reports as unknown.
 */
@ExtendWith(FaceGateServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsIT {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String FEBRUARY = "date_from=2024-02-01&date_to=2024-02-29&period=monthly";
    private static final LocalDate PRESIDENTS_DAY = LocalDate.of(2024, 2, 19);
    private static Tenants.Tenant tenant;
    private static Api admin;
    private static final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    static void aMonthOfAttendance() throws Exception {
        tenant = Tenants.create("Reports College");
        admin = tenant.api();
        admin.put("/api/v1/attendance/settings/", "{\"time_zone\": \"America/New_York\", \"debounce_seconds\": 3600}");
        JsonObject calendar = admin.put("/api/v1/reports/calendar/", "{\"working_days\": [\"monday\", \"tuesday\", \"wednesday\","
                + " \"thursday\", \"friday\"], \"holidays\": [\"" + PRESIDENTS_DAY + "\"]}").json();
        assertEquals(List.of(PRESIDENTS_DAY.toString()), calendar.getJsonArray("holidays").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        person("CS-OLGA", "Ольга", "Кузнецова", "Computer Science");
        person("CS-BEN", "Ben", "Okafor", "Computer Science");
        person("MA-CHLOE", "Chloé", "Martin", "Mathematics");
        person("MA-GONE", "Gone", "Away", "Mathematics");
        try (Connection db = FaceGateServer.database()) {
            // Olga: every working day of February (20: 21 weekdays less Presidents' Day) at 08:00, and a Saturday.
            for (LocalDate day = LocalDate.of(2024, 2, 1); day.getMonthValue() == 2; day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() <= 5 && !day.equals(PRESIDENTS_DAY)) {
                    log(db, "CS-OLGA", "Computer Science", local(day, 8, 0));
                }
            }
            log(db, "CS-OLGA", "Computer Science", local(LocalDate.of(2024, 2, 3), 10, 0));
            // Ben: ten working days, and 22:00 on Thursday the 29th, which is already March 1st in UTC.
            for (int day : new int[]{1, 2, 5, 6, 7, 8, 9, 12, 13, 14}) {
                log(db, "CS-BEN", "Computer Science", local(LocalDate.of(2024, 2, day), 9, 30));
            }
            log(db, "CS-BEN", "Computer Science", Instant.parse("2024-03-01T03:00:00Z"));
            // Chloé: five working days with two logs each, Presidents' Day, and 23:30 on January 31st (February 1st in UTC).
            for (int day : new int[]{20, 21, 22, 23, 26}) {
                log(db, "MA-CHLOE", "Mathematics", local(LocalDate.of(2024, 2, day), 8, 15));
                log(db, "MA-CHLOE", "Mathematics", local(LocalDate.of(2024, 2, day), 16, 45));
            }
            log(db, "MA-CHLOE", "Mathematics", local(PRESIDENTS_DAY, 11, 0));
            log(db, "MA-CHLOE", "Mathematics", Instant.parse("2024-02-01T04:30:00Z"));
            // Deactivated below: every day present, counted nowhere.
            for (LocalDate day = LocalDate.of(2024, 2, 1); day.getMonthValue() == 2; day = day.plusDays(1)) {
                log(db, "MA-GONE", "Mathematics", local(day, 7, 0));
            }
        }
        Api.Reply deactivated = admin.delete("/api/v1/users/" + ids.get("MA-GONE") + "/");
        assertTrue(deactivated.status() < 300, deactivated::toString);
        assertEquals(false, admin.get("/api/v1/users/" + ids.get("MA-GONE") + "/").json().getBoolean("is_active"));
    }

    private static void person(String employeeId, String first, String last, String department) {
        JsonObject created = admin.create("/api/v1/users/", "{\"employee_id\": \"" + employeeId + "\", \"first_name\": \"" + first
                + "\", \"last_name\": \"" + last + "\", \"role\": \"student\", \"department\": \"" + department + "\"}");
        ids.put(employeeId, created.getString("id"));
    }

    private static Instant local(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(NEW_YORK).toInstant();
    }

    private static void log(Connection db, String employeeId, String department, Instant at) throws Exception {
        log(db, employeeId, department, at, null);
    }

    private static void log(Connection db, String employeeId, String department, Instant at, Double verificationTime) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("insert into attendance_log (id, client_id, client_user_id, department, logged_at,"
                + " source, camera_code, verification_time, created_at) values (?, ?, ?, ?, ?, 'CAMERA', 'GATE-1', ?, now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.fromString(tenant.id()));
            insert.setObject(3, UUID.fromString(ids.get(employeeId)));
            insert.setString(4, department);
            insert.setTimestamp(5, Timestamp.from(at));
            insert.setObject(6, verificationTime);
            insert.executeUpdate();
        }
    }

    @Test
    @Order(1)
    void theJsonReportCountsPersonDaysOnWorkingDaysInTheClientsTimeZone() {
        JsonObject report = admin.get("/api/v1/reports/attendance/?" + FEBRUARY).json();
        assertTrue(report.getString("report_id").matches("RPT_\\d{8}_\\d{3}"), report::toString);
        assertNotNull(Instant.parse(report.getString("generated_at")));
        assertEquals("monthly", report.getString("period"));
        assertEquals("2024-02-01 to 2024-02-29", report.getString("date_range"));
        assertEquals("America/New_York", report.getString("time_zone"));
        assertEquals(20, report.getInt("working_days"));
        assertEquals(3, report.getInt("total_employees"), "the deactivated person is not counted");
        // (20 + 11 + 5) person-days present of 3 people x 20 working days.
        assertEquals(0.6, report.getJsonNumber("attendance_rate").doubleValue(), report::toString);
        JsonObject science = report.getJsonObject("department_stats").getJsonObject("Computer Science");
        assertEquals(2, science.getInt("total_employees"));
        assertEquals(0.775, science.getJsonNumber("attendance_rate").doubleValue(), "31 / 40");
        assertEquals(1.55, science.getJsonNumber("avg_daily_attendance").doubleValue(), "31 / 20");
        JsonObject maths = report.getJsonObject("department_stats").getJsonObject("Mathematics");
        assertEquals(1, maths.getInt("total_employees"));
        assertEquals(0.25, maths.getJsonNumber("attendance_rate").doubleValue(), "5 / 20: the holiday and January 31st do not count");
        assertEquals(0.25, maths.getJsonNumber("avg_daily_attendance").doubleValue());

        JsonObject two = admin.get("/api/v1/reports/attendance/?" + FEBRUARY + "&employee_ids=CS-OLGA,%20MA-CHLOE").json();
        assertEquals(2, two.getInt("total_employees"));
        assertEquals(0.625, two.getJsonNumber("attendance_rate").doubleValue(), "(20 + 5) / 40");
        JsonObject department = admin.get("/api/v1/reports/attendance/?" + FEBRUARY + "&department=Mathematics").json();
        assertEquals(List.of("Mathematics"), List.copyOf(department.getJsonObject("department_stats").keySet()));
        assertTrue(two.getString("report_id").compareTo(report.getString("report_id")) > 0, "numbered in order");

        Api.Reply reversed = admin.get("/api/v1/reports/attendance/?date_from=2024-03-01&date_to=2024-02-01");
        assertEquals(400, reversed.status(), reversed::toString);
        assertEquals("invalid_date_range", reversed.json().getString("error"));
        assertEquals("invalid_format", admin.get("/api/v1/reports/attendance/?format=docx").json().getString("error"));
    }

    @Test
    @Order(2)
    void thePdfComesFromTheBatchJobWithTheChartAndEveryName() throws Exception {
        long started = System.nanoTime();
        Api.Binary answer = admin.getBinary("/api/v1/reports/attendance/?format=pdf&" + FEBRUARY);
        byte[] pdf = file(answer, "application/pdf");
        System.out.printf("ReportsIT: PDF of 3 people over February in %d ms (request to file), %d bytes%n",
                (System.nanoTime() - started) / 1_000_000, pdf.length);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "ReportsIT-attendance.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Reports College"), text);
            assertTrue(text.contains("Ольга Кузнецова"), "a Cyrillic name prints: " + text);
            assertTrue(text.contains("Chloé Martin"), text);
            assertTrue(text.contains("2024-02-01 to 2024-02-29"), text);
            assertTrue(text.contains("60.0 %"), "the attendance rate: " + text);
            assertTrue(text.contains("77.5 %") && text.contains("25.0 %"), "each department's: " + text);
            assertTrue(text.contains("20 / 20"), "Olga's working days present: " + text);
            assertTrue(!text.contains("Gone Away"), "the deactivated person is not listed");
            PDResources cover = document.getPage(0).getResources();
            int images = 0;
            for (COSName name : cover.getXObjectNames()) {
                if (cover.getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
            assertEquals(1, images, "the chart on the cover");
            checkWithPoppler(Path.of("target", "ReportsIT-attendance.pdf"), document.getNumberOfPages());
        }
    }

    /**
     * The PDF as a viewer shows it: poppler renders every page (kept as PNGs in
     * {@code target/report-pages/}) and reads the cover's and the whole document's text.
     */
    private static void checkWithPoppler(Path pdf, int pages) throws Exception {
        Path pngs = Path.of("target", "report-pages");
        Files.createDirectories(pngs);
        run("pdftoppm", "-png", "-r", "80", pdf.toString(), pngs.resolve("attendance").toString());
        List<Path> rendered;
        try (Stream<Path> files = Files.list(pngs)) {
            rendered = files.filter(f -> f.getFileName().toString().matches("attendance-\\d+\\.png")).sorted().toList();
        }
        assertEquals(pages, rendered.size(), "one PNG per page: " + rendered);
        for (Path page : rendered) {
            BufferedImage image = ImageIO.read(page.toFile());
            assertTrue(image.getWidth() > image.getHeight() / 2 && image.getHeight() > 600, page + " " + image.getWidth() + "x" + image.getHeight());
            assertTrue(inkShare(image) > 0.001, page + " is not blank: " + inkShare(image));
        }
        double coverInk = inkShare(ImageIO.read(rendered.get(0).toFile()));
        String cover = run("pdftotext", "-f", "1", "-l", "1", "-layout", pdf.toString(), "-");
        for (String expected : List.of("Attendance report", "Reports College", "2024-02-01 to 2024-02-29", "America/New_York",
                "Attendance rate", "60.0 %")) {
            assertTrue(cover.contains(expected), "the cover shows " + expected + ":\n" + cover);
        }
        String all = run("pdftotext", "-layout", pdf.toString(), "-");
        assertTrue(all.contains("Ольга") && all.contains("Кузнецова"), "the Cyrillic name as poppler reads it:\n" + all);
        assertTrue(all.contains("Chloé") && all.contains("Ben Okafor"), all);
        assertTrue(all.contains("77.5 %") && all.contains("25.0 %") && all.contains("20 / 20"), "the departments' and people's figures:\n" + all);
        assertTrue(!all.contains("Gone Away"), all);
        System.out.printf("ReportsIT: %d PDF pages rendered by pdftoppm into %s (the cover %.1f %% ink)%n", pages, pngs.toAbsolutePath(),
                coverInk * 100);
    }

    /** Share of a page's pixels that are not near white: text, rules and the chart. */
    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int darkest = Math.min((rgb >> 16) & 0xff, Math.min((rgb >> 8) & 0xff, rgb & 0xff));
                if (darkest < 200) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }

    /** Runs a poppler tool (at most a minute) and returns what it printed. */
    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ": " + new String(output, StandardCharsets.UTF_8));
        return new String(output, StandardCharsets.UTF_8);
    }

    @Test
    @Order(3)
    void anExcelFileIsQueuedFollowedAndDownloadedFromItsPresignedLink() throws Exception {
        Api.Reply queued = admin.post("/api/v1/reports/", "{\"format\": \"excel\", \"period\": \"monthly\", \"date_from\": \"2024-02-01\","
                + " \"date_to\": \"2024-02-29\"}");
        assertEquals(202, queued.status(), queued::toString);
        JsonObject status = queued.json();
        assertEquals("excel", status.getString("format"));
        assertEquals(3, status.getInt("rows_total"));
        String statusUrl = status.getString("status_url");
        assertTrue(statusUrl.endsWith("/api/v1/reports/" + status.getString("id") + "/"), statusUrl);
        status = awaitEnd(statusUrl.substring(statusUrl.indexOf("/api/")));
        assertEquals("completed", status.getString("status"), status::toString);
        assertEquals(1.0, status.getJsonNumber("progress").doubleValue());
        assertEquals(3, status.getInt("rows_written"));
        assertTrue(status.getJsonNumber("job_execution_id").longValue() > 0);

        Api.Binary download = Api.fetch(status.getString("download_url"));
        assertEquals(200, download.status(), () -> new String(download.body()));
        assertEquals(status.getJsonNumber("byte_size").longValue(), download.body().length);
        Files.write(Path.of("target", "ReportsIT-attendance.xlsx"), download.body());
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(download.body()), new ReadingOptions(true, false))) {
            List<Row> summary = workbook.findSheet("Summary").orElseThrow().read();
            Row rate = summary.stream().filter(r -> "Attendance rate".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertEquals(CellType.NUMBER, rate.getCell(1).getType());
            assertEquals(0.6, rate.getCell(1).asNumber().doubleValue());
            assertEquals("0.00%", rate.getCell(1).getDataFormatString());
            List<Row> detail = workbook.findSheet("Detail").orElseThrow().read();
            // Olga 21 days (one a Saturday), Ben 11, Chloé 6 (one Presidents' Day).
            assertEquals(1 + 21 + 11 + 6, detail.size());
            Row benLate = detail.stream().filter(r -> "CS-BEN".equals(r.getCellText(1))
                    && LocalDate.of(2024, 2, 29).atStartOfDay().equals(r.getCell(0).asDate())).findFirst().orElseThrow();
            assertEquals(CellType.NUMBER, benLate.getCell(0).getType(), "a date cell");
            assertEquals(LocalDateTime.of(2024, 2, 29, 22, 0), benLate.getCell(4).asDate(), "the local time");
            Row holiday = detail.stream().filter(r -> "MA-CHLOE".equals(r.getCellText(1))
                    && PRESIDENTS_DAY.atStartOfDay().equals(r.getCell(0).asDate())).findFirst().orElseThrow();
            assertEquals(Boolean.FALSE, holiday.getCell(7).asBoolean(), "not a working day");
            Row twice = detail.stream().filter(r -> "MA-CHLOE".equals(r.getCellText(1))
                    && LocalDate.of(2024, 2, 20).atStartOfDay().equals(r.getCell(0).asDate())).findFirst().orElseThrow();
            assertEquals(2, twice.getCell(6).asNumber().intValue(), "two logs, one day");
        }

        JsonObject history = admin.get("/api/v1/reports/").json();
        assertTrue(history.getInt("count") >= 5, history::toString);
        assertEquals(status.getString("id"), history.getJsonArray("results").getJsonObject(0).getString("id"), "newest first");
    }

    @Test
    @Order(4)
    void anotherTenantReadsTheReportsAsUnknown() {
        JsonObject mine = admin.get("/api/v1/reports/").json().getJsonArray("results").getJsonObject(0);
        Api stranger = Tenants.create("Reports Stranger").api();
        Api.Reply foreign = stranger.get("/api/v1/reports/" + mine.getString("id") + "/");
        assertEquals(404, foreign.status(), foreign::toString);
        assertEquals(0, stranger.get("/api/v1/reports/").json().getInt("count"));
        JsonObject empty = stranger.get("/api/v1/reports/attendance/?" + FEBRUARY).json();
        assertEquals(0, empty.getInt("total_employees"), "the stranger's report counts only its own people");
    }

    @Test
    @Order(5)
    void aDueScheduleMakesThePeriodsReportAndAnnouncesItAsReportReady() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            admin.create("/api/webhooks/", "{\"url\": \"" + receiver.url("/reports") + "\", \"events\": [\"report.ready\"]}");
            JsonObject schedule = admin.create("/api/v1/reports/schedules/", "{\"frequency\": \"monthly\", \"format\": \"pdf\","
                    + " \"department\": \"Computer Science\"}");
            LocalDate nextMonth = LocalDate.now(NEW_YORK).withDayOfMonth(1).plusMonths(1);
            assertEquals(nextMonth.atStartOfDay(NEW_YORK).toInstant(), Instant.parse(schedule.getString("next_run_at")),
                    "the client's midnight after this month");
            String id = schedule.getString("id");
            assertEquals(id, admin.get("/api/v1/reports/schedules/").json().getJsonArray("results").getJsonObject(0).getString("id"));
            // As if it were midnight of March 1st 2024 in New York: the run covers February.
            try (Connection db = FaceGateServer.database();
                 PreparedStatement due = db.prepareStatement("update report_schedule set next_run_at = ? where id = ?")) {
                due.setTimestamp(1, Timestamp.from(LocalDate.of(2024, 3, 1).atStartOfDay(NEW_YORK).toInstant()));
                due.setObject(2, UUID.fromString(id));
                assertEquals(1, due.executeUpdate());
            }
            List<WebhookReceiver.Delivery> ready = receiver.await(d -> "report.ready".equals(d.type()), 1, Duration.ofSeconds(180));
            assertEquals(1, ready.size(), "report.ready within the timer's minute and the job");
            JsonObject data = ready.get(0).json().getJsonObject("data");
            assertEquals(id, data.getString("schedule_id"));
            assertEquals("pdf", data.getString("format"));
            assertEquals("2024-02-01", data.getString("date_from"));
            assertEquals("2024-02-29", data.getString("date_to"));
            assertEquals(2, data.getInt("rows"), "Computer Science's two people");
            Api.Binary pdf = Api.fetch(data.getString("download_url"));
            assertEquals(200, pdf.status());
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(document);
                assertTrue(text.contains("Ольга Кузнецова") && text.contains("77.5 %") && !text.contains("Chloé"), text);
            }
            JsonObject after = admin.get("/api/v1/reports/schedules/" + id + "/").json();
            assertEquals(data.getString("id"), after.getString("last_report_id"));
            assertEquals(nextMonth.atStartOfDay(NEW_YORK).toInstant(), Instant.parse(after.getString("next_run_at")), "moved on past now");
            assertEquals(204, admin.delete("/api/v1/reports/schedules/" + id + "/").status());
            assertEquals(404, admin.get("/api/v1/reports/schedules/" + id + "/").status());
        }
    }

    @Test
    @Order(6)
    void theRealTimeDashboardCountsTodayInTheClientsTimeZone() throws Exception {
        Instant now = Instant.now();
        Instant startOfToday = LocalDate.now(NEW_YORK).atStartOfDay(NEW_YORK).toInstant();
        Instant early = startOfToday.plusSeconds(60);
        try (Connection db = FaceGateServer.database()) {
            log(db, "CS-OLGA", "Computer Science", now.minusSeconds(60), 0.5);
            log(db, "CS-BEN", "Computer Science", now.minusSeconds(120), 0.7);
            log(db, "MA-CHLOE", "Mathematics", early, null);
            log(db, "MA-CHLOE", "Mathematics", startOfToday.minusSeconds(60), 0.1);
        }
        JsonObject dashboard = admin.get("/api/v1/reports/analytics/real-time/").json();
        assertEquals(3, dashboard.getInt("today_attendance"), "yesterday's log in New York does not count: " + dashboard);
        boolean chloeStillIn = early.isAfter(now.minus(Duration.ofHours(8)));
        assertEquals(chloeStillIn ? 3 : 2, dashboard.getInt("current_occupancy"), "seen within the last 8 hours: " + dashboard);
        assertEquals(8, dashboard.getInt("occupancy_window_hours"));
        assertEquals(0.6, dashboard.getJsonNumber("avg_processing_time").doubleValue(), "mean of today's measured recognitions");
        assertTrue(dashboard.getString("peak_hour").matches("\\d\\d:00"), dashboard::toString);
        JsonObject health = dashboard.getJsonObject("system_health");
        assertEquals("healthy", health.getString("ai_worker_status"));
        assertTrue(health.getInt("database_connections") >= 1);
        assertEquals(0, health.getInt("queue_size"));
        JsonObject cameras = dashboard.getJsonObject("camera_status");
        assertEquals(0, cameras.getInt("online") + cameras.getInt("offline") + cameras.getInt("errors"), "this client has no camera");
        assertEquals(0, Tenants.create("Dashboard Stranger").api().get("/api/v1/reports/analytics/real-time/").json().getInt("today_attendance"));
    }

    @Test
    @Order(7)
    void patternsAverageTheLastWeeksAndPredictNextWeekFromThem() throws Exception {
        LocalDate thisMonday = LocalDate.now(NEW_YORK).with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        try (Connection db = FaceGateServer.database()) {
            for (int week = 1; week <= 8; week++) {
                log(db, "CS-OLGA", "Computer Science", local(thisMonday.minusWeeks(week), 9, 10));
            }
        }
        JsonObject patterns = admin.get("/api/v1/reports/patterns/?weeks=8").json();
        assertEquals(thisMonday.minusWeeks(8).toString(), patterns.getString("date_from"));
        JsonObject monday = patterns.getJsonObject("daily_patterns").getJsonObject("monday");
        assertEquals(1.0, monday.getJsonNumber("avg_attendance").doubleValue(), patterns::toString);
        assertEquals("09:00", monday.getString("peak_hour"));
        assertEquals(0.0, patterns.getJsonObject("daily_patterns").getJsonObject("tuesday").getJsonNumber("avg_attendance").doubleValue());
        JsonObject prediction = patterns.getJsonObject("predictions");
        assertEquals(1.0, prediction.getJsonNumber("next_week_attendance").doubleValue(), "next Monday's mean");
        assertEquals(1.0, prediction.getJsonNumber("confidence").doubleValue(), "the same total every week");
        assertEquals(List.of("spring", "summer", "fall", "winter"), List.copyOf(patterns.getJsonObject("seasonal_trends").keySet()));
        assertEquals("invalid_weeks", admin.get("/api/v1/reports/patterns/?weeks=1").json().getString("error"));
    }

    @Test
    @Order(8)
    void facultyReportOnTheirDepartmentAndStudentsAreRefused() throws Exception {
        String adminsReport = admin.get("/api/v1/reports/").json().getJsonArray("results").getJsonObject(0).getString("id");
        Api faculty = member("CS-FAC", "faculty", "Computer Science");
        Api student = member("CS-STU", "student", "Computer Science");

        JsonObject report = faculty.get("/api/v1/reports/attendance/?" + FEBRUARY).json();
        assertEquals(List.of("Computer Science"), List.copyOf(report.getJsonObject("department_stats").keySet()), report::toString);
        assertEquals(4, report.getInt("total_employees"), "Olga, Ben, and the two new members of the department");
        assertEquals(0.3875, report.getJsonNumber("attendance_rate").doubleValue(), "(20 + 11) / (4 x 20)");
        JsonObject elsewhere = faculty.get("/api/v1/reports/attendance/?" + FEBRUARY + "&department=Mathematics").json();
        assertEquals(0, elsewhere.getInt("total_employees"), "another department is out of reach: " + elsewhere);
        JsonObject named = faculty.get("/api/v1/reports/attendance/?" + FEBRUARY + "&employee_ids=MA-CHLOE,CS-OLGA").json();
        assertEquals(1, named.getInt("total_employees"), "Chloé is not the faculty member's to report on: " + named);

        Api.Reply queued = faculty.post("/api/v1/reports/", "{\"format\": \"pdf\", \"date_from\": \"2024-02-01\", \"date_to\": \"2024-02-29\"}");
        assertEquals(202, queued.status(), queued::toString);
        assertEquals(4, queued.json().getInt("rows_total"));
        JsonObject status = awaitEnd(faculty, "/api/v1/reports/" + queued.json().getString("id") + "/");
        assertEquals("completed", status.getString("status"), status::toString);
        Api.Binary pdf = Api.fetch(status.getString("download_url"));
        assertEquals(200, pdf.status());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Ольга Кузнецова") && text.contains("Ben Okafor"), text);
            assertTrue(!text.contains("Chloé") && !text.contains("Mathematics"), "nothing of another department: " + text);
        }
        assertEquals(404, faculty.get("/api/v1/reports/" + adminsReport + "/").status(), "faculty follow only their own reports");
        assertEquals(4, faculty.get("/api/v1/reports/").json().getInt("count"), "the three JSON reports and the PDF");

        for (Api.Reply refused : List.of(student.get("/api/v1/reports/attendance/?" + FEBRUARY),
                student.get("/api/v1/reports/attendance/?format=pdf&" + FEBRUARY),
                student.post("/api/v1/reports/", "{\"format\": \"excel\", \"date_from\": \"2024-02-01\", \"date_to\": \"2024-02-29\"}"),
                student.get("/api/v1/reports/"))) {
            assertEquals(403, refused.status(), "reports are for staff (AttendanceViewer: a student reads only their own attendance): "
                    + refused);
        }
    }

    /** A person of the client with a password, logged in. */
    private static Api member(String employeeId, String role, String department) {
        String email = employeeId.toLowerCase(Locale.ROOT) + "@college.example";
        admin.create("/api/v1/users/", "{\"employee_id\": \"" + employeeId + "\", \"email\": \"" + email + "\", \"first_name\": \""
                + employeeId + "\", \"last_name\": \"Member\", \"role\": \"" + role + "\", \"department\": \"" + department
                + "\", \"password\": \"Correct-Horse-Battery-9\"}");
        Api.Reply login = Api.anonymous().post("/api/v1/auth/login/", "{\"email\": \"" + email + "\", \"password\": \"Correct-Horse-Battery-9\","
                + " \"api_key\": \"" + tenant.apiKey() + "\"}");
        assertEquals(200, login.status(), login::toString);
        return Api.bearer(login.json().getString("access"));
    }

    private static JsonObject awaitEnd(String path) throws InterruptedException {
        return awaitEnd(admin, path);
    }

    private static JsonObject awaitEnd(Api caller, String path) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        JsonObject status = caller.get(path).json();
        while (!List.of("completed", "failed").contains(status.getString("status")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            status = caller.get(path).json();
        }
        return status;
    }

    /** The file, from the request itself when ready within its wait, else from the download link once completed. */
    private static byte[] file(Api.Binary answer, String contentType) throws InterruptedException {
        if (answer.status() == 200) {
            assertTrue(answer.contentType().startsWith(contentType), answer.contentType());
            return answer.body();
        }
        assertEquals(202, answer.status(), () -> new String(answer.body()));
        String statusUrl = answer.json().getString("status_url");
        JsonObject status = awaitEnd(statusUrl.substring(statusUrl.indexOf("/api/")));
        assertEquals("completed", status.getString("status"), status::toString);
        Api.Binary download = Api.fetch(status.getString("download_url"));
        assertEquals(200, download.status());
        return download.body();
    }
}

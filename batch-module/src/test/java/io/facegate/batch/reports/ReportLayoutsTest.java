package io.facegate.batch.reports;

import io.facegate.domain.reports.PeopleScope;
import io.facegate.domain.reports.ReportFormat;
import io.facegate.domain.reports.WorkCalendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report files as their readers see them: PDFBox's text and images, fastexcel-reader's typed cells. */
class ReportLayoutsTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 11);

    @TempDir
    Path dir;

    @Test
    void thePdfHasTheCoverTheChartAndEveryPersonInTheirScript() throws IOException {
        ReportJob job = job(ReportFormat.PDF);
        Path file = write(job, people());
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Attendance report"), text);
            assertTrue(text.contains("Исследовательский Колледж"), "the tenant in Cyrillic: " + text);
            assertTrue(text.contains("Ольга Кузнецова"), "a Cyrillic name: " + text);
            assertTrue(text.contains("Γιώργος Παπαδόπουλος"), "a Greek name: " + text);
            assertTrue(text.contains("?? Li"), "Chinese characters DejaVu lacks print as ?: " + text);
            assertTrue(text.contains("Attendance rate") && text.contains("65.0 %"), text);
            assertTrue(text.contains("Computer Science") && text.contains("Physics"), text);
            PDPage cover = pdf.getPage(0);
            List<PDImageXObject> images = new ArrayList<>();
            for (COSName name : cover.getResources().getXObjectNames()) {
                if (cover.getResources().getXObject(name) instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            assertEquals(1, images.size(), "the chart");
            assertTrue(images.get(0).getWidth() >= 900, "drawn at print resolution");
        }
    }

    @Test
    void theWorkbookHasTypedCellsAFrozenFilteredHeader() throws IOException {
        ReportJob job = job(ReportFormat.EXCEL);
        Path file = write(job, people());
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            List<Row> summary = workbook.findSheet("Summary").orElseThrow().read();
            Row rate = summary.stream().filter(r -> "Attendance rate".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertEquals(CellType.NUMBER, rate.getCell(1).getType());
            assertEquals(0.65, rate.getCell(1).asNumber().doubleValue());
            assertEquals(ExcelLayout.PERCENT, rate.getCell(1).getDataFormatString());
            Row from = summary.stream().filter(r -> "From".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertEquals(MONDAY.atStartOfDay(), from.getCell(1).asDate(), "a date cell");

            List<Row> detail = workbook.findSheet("Detail").orElseThrow().read();
            assertEquals(ExcelLayout.DETAIL_HEADER.get(0), detail.get(0).getCellText(0));
            assertEquals(1 + 5, detail.size(), "the header and one row per person and day present (none for the absent)");
            Row olga = detail.stream().filter(r -> "Ольга Кузнецова".equals(r.getCellText(2))).findFirst().orElseThrow();
            Cell date = olga.getCell(0);
            assertEquals(CellType.NUMBER, date.getType());
            assertEquals(ExcelLayout.DATE, date.getDataFormatString());
            assertEquals(MONDAY.atStartOfDay(), date.asDate());
            assertEquals(LocalDateTime.of(2024, 3, 11, 8, 5), olga.getCell(4).asDate(), "first seen, in the client's time zone");
            assertEquals(CellType.NUMBER, olga.getCell(6).getType());
            assertEquals(CellType.BOOLEAN, olga.getCell(7).getType());
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet2.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(sheet.contains("state=\"frozen\""), "frozen header");
            assertTrue(sheet.contains("<autoFilter ref=\"A1:H6\""), sheet.substring(0, Math.min(2000, sheet.length())));
        }
    }

    @Test
    void manyRowsStreamToDisk() throws IOException {
        int people = 2000;
        int days = 50;
        List<PersonAttendance> rows = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            List<PersonAttendance.Day> present = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                Instant first = MONDAY.plusDays(d).atTime(8, 0).atZone(ZONE).toInstant();
                present.add(new PersonAttendance.Day(MONDAY.plusDays(d), first, first.plusSeconds(30_000), 2, d % 7 < 5));
            }
            rows.add(new PersonAttendance(UUID.randomUUID(), String.format("E%05d", p), "Person " + p, p % 2 == 0 ? "Computer Science"
                    : "Physics", present));
        }
        for (ReportFormat format : List.of(ReportFormat.EXCEL, ReportFormat.PDF)) {
            long started = System.nanoTime();
            Path file = write(job(format), rows);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("ReportLayoutsTest: %s of %d people (%d person-days) in %d ms, %d bytes%n", format, people, people * days, millis,
                    Files.size(file));
            assertTrue(Files.size(file) > 100_000);
        }
    }

    private Path write(ReportJob job, List<PersonAttendance> people) throws IOException {
        Path file = dir.resolve(job.number() + "." + job.format().extension());
        ReportLayout layout = ReportLayout.of(job);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
        layout.begin(job, out);
        for (PersonAttendance person : people) {
            layout.person(person);
        }
        layout.finish();
        return file;
    }

    private static List<PersonAttendance> people() {
        return List.of(
                person("CS001", "Ольга Кузнецова", "Computer Science", 2),
                person("CS002", "Γιώργος Παπαδόπουλος", "Computer Science", 1),
                person("CS003", "李雷 Li", "Computer Science", 0),
                person("PH001", "Jane Smith", "Physics", 1));
    }

    private static PersonAttendance person(String id, String name, String department, int daysPresent) {
        List<PersonAttendance.Day> days = new ArrayList<>();
        for (int d = 0; d < daysPresent; d++) {
            Instant first = MONDAY.plusDays(d).atTime(8, 5).atZone(ZONE).toInstant();
            days.add(new PersonAttendance.Day(MONDAY.plusDays(d), first, first.plusSeconds(3600), 3, true));
        }
        if (name.startsWith("Jane")) {
            // A Saturday: listed, not a working day.
            Instant saturday = MONDAY.plusDays(5).atTime(10, 0).atZone(ZONE).toInstant();
            days.add(new PersonAttendance.Day(MONDAY.plusDays(5), saturday, saturday, 1, false));
        }
        return new PersonAttendance(UUID.randomUUID(), id, name, department, days);
    }

    private static ReportJob job(ReportFormat format) {
        SortedMap<String, ReportJob.Department> departments = new TreeMap<>();
        departments.put("Computer Science", new ReportJob.Department(3, 3, 0.5, 1.5));
        departments.put("Physics", new ReportJob.Department(1, 1, 0.5, 0.5));
        List<ReportJob.Day> daily = new ArrayList<>();
        daily.add(new ReportJob.Day(MONDAY, new TreeMap<>(java.util.Map.of("Computer Science", 2L, "Physics", 1L))));
        daily.add(new ReportJob.Day(MONDAY.plusDays(1), new TreeMap<>(java.util.Map.of("Computer Science", 1L))));
        daily.add(new ReportJob.Day(MONDAY.plusDays(5), new TreeMap<>(java.util.Map.of("Physics", 1L))));
        UUID client = UUID.randomUUID();
        return new ReportJob(UUID.randomUUID(), "RPT_20240318_001", format, Instant.parse("2024-03-18T09:00:00Z"),
                "Исследовательский Колледж", "weekly", MONDAY, MONDAY.plusDays(6), ZONE, WorkCalendar.standard(client),
                new PeopleScope(client, null, null, null, List.of()),
                new ReportJob.Summary(2, 4, 4, 0.65, departments, daily));
    }
}

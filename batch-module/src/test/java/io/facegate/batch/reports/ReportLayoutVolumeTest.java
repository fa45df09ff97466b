package io.facegate.batch.reports;

import io.facegate.domain.reports.PeopleScope;
import io.facegate.domain.reports.ReportFormat;
import io.facegate.domain.reports.WorkCalendar;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's "a 1M-row range streams with bounded heap", at the layouts: 2,000 people present on 500
 * days each (1,000,000 person-days, the Excel detail sheet's rows) go through a layout while the heap
 * left after a full collection is read every 200 people. A layout that kept its rows would grow by
 * hundreds of megabytes over the run; a streaming one by what it keeps per person (the PDF's page
 * tree, fastexcel's shared strings), a few megabytes.
 */
class ReportLayoutVolumeTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDate FROM = LocalDate.of(2023, 1, 2);
    private static final int PEOPLE = 2_000;
    private static final int DAYS = 500;
    private static final int SAMPLE_EVERY = 200;
    private static final long MAX_GROWTH_BYTES = 32L * 1024 * 1024;
    private static final List<String> DEPARTMENTS = List.of("Computer Science", "Mathematics", "Physics", "Chemistry");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = {"EXCEL", "PDF"})
    void aMillionPersonDaysGoThroughALayoutInBoundedHeap(ReportFormat format) throws IOException {
        ReportJob job = job(format);
        Path file = dir.resolve(job.number() + "." + format.extension());
        ReportLayout layout = ReportLayout.of(job);
        long first = 0;
        long last = 0;
        long started = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            layout.begin(job, out);
            for (int i = 0; i < PEOPLE; i++) {
                layout.person(person(i));
                if ((i + 1) % SAMPLE_EVERY == 0) {
                    last = liveHeap();
                    first = first == 0 ? last : first;
                }
            }
            layout.finish();
        }
        long growth = last - first;
        System.out.printf("ReportLayoutVolumeTest: %s of %,d person-days, %,d bytes in %d s; heap after full collections grew by %,d KB"
                        + " from person %d to %d%n", format, (long) PEOPLE * DAYS, Files.size(file), (System.nanoTime() - started) / 1_000_000_000,
                growth / 1024, SAMPLE_EVERY, PEOPLE);
        assertTrue(growth < MAX_GROWTH_BYTES, format + ": the heap grew by " + growth / 1024 + " KB while rows were written");
    }

    /** Heap in use after a full collection (G1 collects fully on System.gc unless told otherwise). */
    private static long liveHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static PersonAttendance person(int index) {
        List<PersonAttendance.Day> days = new ArrayList<>(DAYS);
        for (int d = 0; d < DAYS; d++) {
            LocalDate date = FROM.plusDays(d);
            Instant arrived = date.atTime(8, index % 60).atZone(ZONE).toInstant();
            DayOfWeek weekday = date.getDayOfWeek();
            days.add(new PersonAttendance.Day(date, arrived, arrived.plusSeconds(8 * 3600), 2,
                    weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY));
        }
        return new PersonAttendance(UUID.randomUUID(), "EMP" + index, "Person " + index, DEPARTMENTS.get(index % DEPARTMENTS.size()), days);
    }

    private static ReportJob job(ReportFormat format) {
        SortedMap<String, ReportJob.Department> departments = new TreeMap<>();
        for (String department : DEPARTMENTS) {
            departments.put(department, new ReportJob.Department(PEOPLE / DEPARTMENTS.size(), (long) PEOPLE / DEPARTMENTS.size() * 357, 1.0,
                    PEOPLE / (double) DEPARTMENTS.size()));
        }
        List<ReportJob.Day> daily = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            SortedMap<String, Long> present = new TreeMap<>();
            DEPARTMENTS.forEach(department -> present.put(department, (long) PEOPLE / DEPARTMENTS.size()));
            daily.add(new ReportJob.Day(FROM.plusDays(d), present));
        }
        UUID client = UUID.randomUUID();
        return new ReportJob(UUID.randomUUID(), "RPT_20240516_001", format, Instant.parse("2024-05-16T09:00:00Z"), "Volume College",
                "custom", FROM, FROM.plusDays(DAYS - 1), ZONE, WorkCalendar.standard(client), new PeopleScope(client, null, null, null, List.of()),
                new ReportJob.Summary(357, PEOPLE, (long) PEOPLE * 357, 1.0, departments, daily));
    }
}

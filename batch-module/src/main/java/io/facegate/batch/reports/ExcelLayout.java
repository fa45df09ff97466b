package io.facegate.batch.reports;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The Excel workbook of a report, streamed by fastexcel: a "Summary" sheet (the headline figures,
 * each department, people present per day and department) written whole first, then a "Detail"
 * sheet with one row per person and day present, flushed to the file as rows arrive. Cells are
 * typed: dates as dates, times as date-times of the client's time zone, rates as percentages,
 * counts as numbers. The detail's header is frozen and filtered.
 */
final class ExcelLayout implements ReportLayout {

    static final String DATE = "yyyy-mm-dd";
    static final String DATE_TIME = "yyyy-mm-dd hh:mm";
    static final String PERCENT = "0.00%";
    static final List<String> DETAIL_HEADER = List.of("Date", "Employee ID", "Name", "Department", "First seen", "Last seen", "Logs",
            "Working day");
    /** Rows kept before they are flushed to the file. */
    private static final int FLUSH_EVERY = 1000;
    /** Excel's rows per sheet: the detail goes on in "Detail 2", "Detail 3", ... */
    static final int MAX_ROWS = 1_048_576;

    private OutputStream out;
    private Workbook workbook;
    private Worksheet detail;
    private ReportJob job;
    private int row;
    private int sheets = 1;

    @Override
    public void begin(ReportJob job, OutputStream out) throws IOException {
        this.job = job;
        this.out = out;
        workbook = new Workbook(out, "FaceGate", "1.0");
        summary(workbook.newWorksheet("Summary"));
        detailSheet("Detail");
    }

    private void detailSheet(String name) {
        detail = workbook.newWorksheet(name);
        for (int column = 0; column < DETAIL_HEADER.size(); column++) {
            detail.value(0, column, DETAIL_HEADER.get(column));
            detail.style(0, column).bold().set();
        }
        detail.freezePane(0, 1);
        detail.width(0, 12);
        detail.width(1, 14);
        detail.width(2, 28);
        detail.width(3, 22);
        detail.width(4, 17);
        detail.width(5, 17);
        row = 1;
    }

    private void summary(Worksheet sheet) throws IOException {
        ReportJob.Summary figures = job.summary();
        int r = 0;
        sheet.value(r, 0, "Attendance report " + job.number());
        sheet.style(r, 0).bold().set();
        r = pair(sheet, r + 2, "Organisation", job.tenant());
        r = pair(sheet, r, "Period", job.period());
        sheet.value(r, 0, "From");
        date(sheet, r++, 1, job.from());
        sheet.value(r, 0, "To");
        date(sheet, r++, 1, job.to());
        r = pair(sheet, r, "Time zone", job.zone().getId());
        sheet.value(r, 0, "Generated (UTC)");
        sheet.value(r, 1, LocalDateTime.ofInstant(job.generatedAt(), java.time.ZoneOffset.UTC));
        sheet.style(r++, 1).format(DATE_TIME).set();
        sheet.value(r, 0, "Working days");
        sheet.value(r++, 1, figures.workingDays());
        sheet.value(r, 0, "Employees");
        sheet.value(r++, 1, figures.totalEmployees());
        sheet.value(r, 0, "Person-days present");
        sheet.value(r++, 1, figures.presentDays());
        sheet.value(r, 0, "Attendance rate");
        percent(sheet, r++, 1, figures.attendanceRate());

        r++;
        header(sheet, r++, List.of("Department", "Employees", "Person-days present", "Attendance rate", "Avg daily attendance"));
        for (var entry : figures.departments().entrySet()) {
            ReportJob.Department d = entry.getValue();
            sheet.value(r, 0, entry.getKey());
            sheet.value(r, 1, d.totalEmployees());
            sheet.value(r, 2, d.presentDays());
            percent(sheet, r, 3, d.attendanceRate());
            sheet.value(r++, 4, d.avgDailyAttendance());
        }

        r++;
        List<String> departments = new ArrayList<>(figures.departments().keySet());
        List<String> daily = new ArrayList<>(List.of("Date"));
        departments.forEach(d -> daily.add("Present: " + d));
        header(sheet, r++, daily);
        for (ReportJob.Day day : figures.daily()) {
            date(sheet, r, 0, day.date());
            for (int i = 0; i < departments.size(); i++) {
                sheet.value(r, i + 1, day.present().getOrDefault(departments.get(i), 0L));
            }
            r++;
        }
        sheet.width(0, 24);
        sheet.width(1, 20);
        sheet.width(2, 20);
        sheet.width(3, 16);
        sheet.width(4, 20);
        sheet.finish();
    }

    @Override
    public void person(PersonAttendance person) throws IOException {
        for (PersonAttendance.Day day : person.days()) {
            if (row == MAX_ROWS) {
                endDetailSheet();
                detailSheet("Detail " + ++sheets);
            }
            date(detail, row, 0, day.date());
            detail.value(row, 1, person.employeeId());
            detail.value(row, 2, person.name());
            detail.value(row, 3, person.department());
            detail.value(row, 4, LocalDateTime.ofInstant(day.first(), job.zone()));
            detail.style(row, 4).format(DATE_TIME).set();
            detail.value(row, 5, LocalDateTime.ofInstant(day.last(), job.zone()));
            detail.style(row, 5).format(DATE_TIME).set();
            detail.value(row, 6, day.logs());
            detail.value(row, 7, day.workingDay());
            row++;
            if (row % FLUSH_EVERY == 0) {
                detail.flush();
            }
        }
    }

    @Override
    public void finish() throws IOException {
        endDetailSheet();
        workbook.finish();
        out.close();
    }

    private void endDetailSheet() throws IOException {
        detail.setAutoFilter(0, 0, DETAIL_HEADER.size() - 1);
        detail.finish();
    }

    private static int pair(Worksheet sheet, int r, String label, String value) {
        sheet.value(r, 0, label);
        sheet.value(r, 1, value);
        return r + 1;
    }

    private static void header(Worksheet sheet, int r, List<String> names) {
        for (int column = 0; column < names.size(); column++) {
            sheet.value(r, column, names.get(column));
            sheet.style(r, column).bold().set();
        }
    }

    private static void date(Worksheet sheet, int r, int column, java.time.LocalDate date) {
        sheet.value(r, column, date);
        sheet.style(r, column).format(DATE).set();
    }

    private static void percent(Worksheet sheet, int r, int column, double rate) {
        sheet.value(r, column, rate);
        sheet.style(r, column).format(PERCENT).set();
    }
}

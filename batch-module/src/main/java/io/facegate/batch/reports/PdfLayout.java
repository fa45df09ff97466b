package io.facegate.batch.reports;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PDF of a report, drawn with PDFBox: a cover (organisation, range, headline figures, the
 * chart of people present per day and department, the departments' table), then one table of
 * people per department, pages added as rows arrive. Page contents go to a scratch file, not to
 * memory. Text is set in DejaVu Sans, embedded (subset), so names in Cyrillic, Greek and other
 * scripts it covers print; a character it lacks prints as "?".
 */
final class PdfLayout implements ReportLayout {

    static final String REGULAR_FONT = "/io/facegate/batch/reports/DejaVuSans.ttf";
    static final String BOLD_FONT = "/io/facegate/batch/reports/DejaVuSans-Bold.ttf";
    static final List<String> PEOPLE_HEADER = List.of("Employee ID", "Name", "Days", "Working days", "Rate", "Last day");

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float[] PEOPLE_COLUMNS = {80, 160, 45, 90, 50, 70};
    private static final float[] DEPARTMENT_COLUMNS = {195, 70, 100, 130};
    private static final float ROW = 15;
    private static final float TEXT_SIZE = 9;

    private OutputStream out;
    private ReportJob job;
    private PDDocument document;
    private PDType0Font regular;
    private PDType0Font bold;
    private PDPageContentStream content;
    private float y;
    private int pages;
    private String department;
    private final Map<PDType0Font, Map<Integer, Boolean>> printable = new HashMap<>();

    @Override
    public void begin(ReportJob job, OutputStream out) throws IOException {
        this.job = job;
        this.out = out;
        document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        regular = load(REGULAR_FONT);
        bold = load(BOLD_FONT);
        newPage();
        cover();
    }

    private PDType0Font load(String resource) throws IOException {
        try (InputStream in = PdfLayout.class.getResourceAsStream(resource)) {
            return PDType0Font.load(document, in, true);
        }
    }

    private void cover() throws IOException {
        ReportJob.Summary figures = job.summary();
        text(bold, 22, MARGIN, y, "Attendance report");
        y -= 22;
        text(regular, 11, MARGIN, y, job.number() + " \u00b7 generated " + DateTimeFormatter.ISO_LOCAL_DATE_TIME
                .format(job.generatedAt().atOffset(ZoneOffset.UTC).withNano(0)) + " UTC");
        y -= 26;
        for (String[] line : List.of(
                new String[]{"Organisation", job.tenant()},
                new String[]{"Range", job.from() + " to " + job.to() + " (" + job.period() + ")"},
                new String[]{"Time zone", job.zone().getId()},
                new String[]{"Employees", String.valueOf(figures.totalEmployees())},
                new String[]{"Working days", String.valueOf(figures.workingDays())},
                new String[]{"Person-days present", String.valueOf(figures.presentDays())},
                new String[]{"Attendance rate", percent(figures.attendanceRate())})) {
            text(bold, 10, MARGIN, y, line[0]);
            text(regular, 10, MARGIN + 130, y, line[1]);
            y -= 15;
        }
        y -= 10;
        float chartHeight = WIDTH * 0.55f;
        PDImageXObject chart = LosslessFactory.createFromImage(document, AttendanceChart.render(job, 990, Math.round(990 * 0.55f)));
        content.drawImage(chart, MARGIN, y - chartHeight, WIDTH, chartHeight);
        y -= chartHeight + 20;
        heading("Departments");
        row(bold, DEPARTMENT_COLUMNS, List.of("Department", "Employees", "Attendance rate", "Avg daily attendance"));
        for (var entry : figures.departments().entrySet()) {
            ensureRoom(ROW, () -> row(bold, DEPARTMENT_COLUMNS, List.of("Department", "Employees", "Attendance rate", "Avg daily attendance")));
            ReportJob.Department d = entry.getValue();
            row(regular, DEPARTMENT_COLUMNS, List.of(entry.getKey(), String.valueOf(d.totalEmployees()), percent(d.attendanceRate()),
                    String.format(Locale.ROOT, "%.2f", d.avgDailyAttendance())));
        }
    }

    @Override
    public void person(PersonAttendance person) throws IOException {
        if (!person.department().equals(department)) {
            department = person.department();
            // A department starts on a new page when less than its heading and three rows fit.
            ensureRoom(40 + 4 * ROW, () -> { });
            y -= 10;
            heading(department);
            row(bold, PEOPLE_COLUMNS, PEOPLE_HEADER);
        }
        ensureRoom(ROW, () -> row(bold, PEOPLE_COLUMNS, PEOPLE_HEADER));
        LocalDate lastPresent = person.days().isEmpty() ? null : person.days().get(person.days().size() - 1).date();
        int workingDays = job.summary().workingDays();
        row(regular, PEOPLE_COLUMNS, List.of(person.employeeId(), person.name(), String.valueOf(person.days().size()),
                String.valueOf(person.presentWorkingDays()) + " / " + workingDays, percent(person.attendanceRate(workingDays)),
                lastPresent == null ? "-" : lastPresent.toString()));
    }

    @Override
    public void finish() throws IOException {
        content.close();
        document.save(out);
        document.close();
        out.close();
    }

    private interface Header {
        void draw() throws IOException;
    }

    private void ensureRoom(float needed, Header header) throws IOException {
        if (y - needed < MARGIN) {
            newPage();
            header.draw();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        pages++;
        text(regular, 8, MARGIN, MARGIN / 2, job.tenant() + " \u00b7 " + job.number() + " \u00b7 page " + pages);
        y = PAGE.getHeight() - MARGIN;
    }

    private void heading(String title) throws IOException {
        text(bold, 13, MARGIN, y, title);
        y -= 20;
    }

    private void row(PDType0Font font, float[] widths, List<String> cells) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < widths.length; i++) {
            text(font, TEXT_SIZE, x, y, fit(font, cells.get(i), widths[i] - 6));
            x += widths[i];
        }
        content.setLineWidth(0.3f);
        content.moveTo(MARGIN, y - 4);
        content.lineTo(MARGIN + WIDTH, y - 4);
        content.stroke();
        y -= ROW;
    }

    private void text(PDType0Font font, float size, float x, float atY, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, atY);
        content.showText(printable(font, text));
        content.endText();
    }

    /** The text, cut with an ellipsis to fit the width. */
    private String fit(PDType0Font font, String text, float width) throws IOException {
        String shown = printable(font, text);
        if (font.getStringWidth(shown) / 1000 * TEXT_SIZE <= width) {
            return shown;
        }
        while (!shown.isEmpty() && font.getStringWidth(shown + "\u2026") / 1000 * TEXT_SIZE > width) {
            shown = shown.substring(0, shown.offsetByCodePoints(shown.length(), -1));
        }
        return shown + "\u2026";
    }

    /** The text with the characters the font lacks (and control characters) replaced by "?". */
    private String printable(PDType0Font font, String text) {
        StringBuilder shown = new StringBuilder(text.length());
        Map<Integer, Boolean> known = printable.computeIfAbsent(font, f -> new HashMap<>());
        text.codePoints().forEach(c -> shown.append(known.computeIfAbsent(c, code -> canShow(font, code))
                ? new String(Character.toChars(c)) : "?"));
        return shown.toString();
    }

    private static boolean canShow(PDType0Font font, int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }
}

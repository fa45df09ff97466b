package io.facegate.batch.reports;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A report file laid out as its rows arrive: the summary first, then each person, then the end.
 * What was written is never held whole in memory.
 */
interface ReportLayout {

    void begin(ReportJob job, OutputStream out) throws IOException;

    void person(PersonAttendance person) throws IOException;

    /** Writes what remains and closes the file. */
    void finish() throws IOException;

    static ReportLayout of(ReportJob job) {
        return switch (job.format()) {
            case PDF -> new PdfLayout();
            case EXCEL -> new ExcelLayout();
            case JSON -> throw new IllegalArgumentException("a JSON report has no file");
        };
    }
}

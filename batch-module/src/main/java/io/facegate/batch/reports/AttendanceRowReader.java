package io.facegate.batch.reports;

import io.facegate.domain.reports.Report;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

/**
 * Reader of the {@code attendance-report} job's rows: the report's people one page at a time
 * ({@link PersonPages}), each with their days present. It keeps no checkpoint: a file cannot be
 * appended to after a crash, so a restarted execution writes the whole file again.
 */
@Named("attendanceRowReader")
@Dependent
public class AttendanceRowReader extends AbstractItemReader {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    @BatchProperty
    String reportId;

    @Inject
    @BatchProperty
    String pageSize;

    private PersonPages pages;
    private final Deque<PersonAttendance> page = new ArrayDeque<>();
    private PersonPages.Key last;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        pages = new PersonPages(em, ReportJob.of(em.find(Report.class, UUID.fromString(reportId))));
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            int size = Integer.parseInt(pageSize);
            var next = pages.after(last, size);
            page.addAll(next);
            exhausted = next.size() < size;
        }
        PersonAttendance person = page.poll();
        if (person != null) {
            last = PersonPages.keyOf(person);
        }
        return person;
    }
}

package io.facegate.reports;

import io.facegate.attendance.AttendanceBook;
import io.facegate.attendance.AttendanceViewer;
import io.facegate.attendance.SummaryPeriod;
import io.facegate.domain.clients.Client;
import io.facegate.domain.reports.PeopleScope;
import io.facegate.domain.reports.Report;
import io.facegate.domain.reports.ReportFormat;
import io.facegate.domain.reports.ReportStatus;
import io.facegate.domain.reports.WorkCalendar;
import io.facegate.maintenance.JobsInterrupted;
import io.facegate.system.FaceGateException;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Attendance reports: the figures of a range computed in two SQL statements (people per department,
 * people present per department and day), recorded as a numbered report. A JSON report is answered
 * from them; a file report keeps them for the batch job that lays them out ({@link ReportJobs}).
 */
@Stateless
public class AttendanceReports {

    private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Logger LOG = Logger.getLogger(AttendanceReports.class.getName());

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    AttendanceBook book;

    @Inject
    WorkCalendars calendars;

    private final Clock clock = Clock.systemUTC();

    /** Computes the report's figures and records it (a JSON report complete, a file report queued) as the caller's. */
    public AttendanceReport create(AttendanceViewer viewer, ReportRequest request) {
        return create(viewer, request, requester(viewer));
    }

    /** @param requester who asked: {@code person:<id>}, {@code client:<id>} or {@code schedule:<id>} */
    public AttendanceReport create(AttendanceViewer viewer, ReportRequest request, String requester) {
        UUID clientId = viewer.clientId();
        ZoneId zone = book.policy(clientId).timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        SummaryPeriod.Range range = request.period().range(request.dateFrom(), request.dateTo(), today);
        PeopleScope scope = scope(viewer, request.department(), request.employeeIds());
        WorkCalendar calendar = calendars.of(clientId);
        AttendanceFigures figures = AttendanceFigures.compute(people(scope), present(scope, zone, range), calendar, range.from(),
                range.to(), today);
        Client client = em.find(Client.class, clientId, LockModeType.PESSIMISTIC_WRITE);
        if (client == null) {
            throw FaceGateException.notFound("client");
        }
        Instant now = clock.instant();
        Report report = new Report(clientId, nextNumber(clientId, now), request.format(), requester,
                AttendanceReport.parameters(request.period(), range.from(), range.to(), zone, calendar, scope),
                AttendanceReport.summary(client.getName(), figures), (int) figures.totalEmployees(), now);
        em.persist(report);
        return new AttendanceReport(report, client.getName(), request.period(), range.from(), range.to(), zone, calendar, scope, figures);
    }

    /**
     * One of the client's reports: any of them for a tenant admin, the caller's own for anyone else
     * (a report may be about a department they cannot read now).
     */
    public Report find(AttendanceViewer viewer, UUID reportId) {
        Report report = em.find(Report.class, reportId);
        if (report == null || !report.belongsTo(viewer.clientId())
                || viewer.reach() != AttendanceViewer.Reach.TENANT && !report.getRequestedBy().equals(requester(viewer))) {
            throw FaceGateException.notFound("report");
        }
        return report;
    }

    /** The reports the caller may follow ({@link #find}), newest first. */
    public Page<Report> list(AttendanceViewer viewer, int offset, int limit) {
        Page.validate(offset, limit);
        String where = " where r.clientId = :client" + (viewer.reach() == AttendanceViewer.Reach.TENANT ? "" : " and r.requestedBy = :requester");
        var count = em.createQuery("select count(r) from Report r" + where, Long.class).setParameter("client", viewer.clientId());
        var rows = em.createQuery("select r from Report r" + where + " order by r.createdAt desc, r.id", Report.class)
                .setParameter("client", viewer.clientId());
        if (viewer.reach() != AttendanceViewer.Reach.TENANT) {
            count.setParameter("requester", requester(viewer));
            rows.setParameter("requester", requester(viewer));
        }
        return new Page<>(count.getSingleResult(), offset, limit, rows.setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    private static String requester(AttendanceViewer viewer) {
        return viewer.personId() != null ? "person:" + viewer.personId() : "client:" + viewer.clientId();
    }

    /**
     * The reports whose running job the last stop cut off are queued again, in the transaction
     * that marks their executions failed, for {@link ReportJobs} to restart once they are restartable.
     */
    public void requeue(@Observes JobsInterrupted interrupted) {
        List<Long> executions = interrupted.of(ReportJobs.JOB);
        if (executions.isEmpty()) {
            return;
        }
        List<Report> running = em.createQuery("select r from Report r where r.status = :running and r.executionId in :executions", Report.class)
                .setParameter("running", ReportStatus.RUNNING).setParameter("executions", executions)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        running.forEach(Report::interrupted);
        if (!running.isEmpty()) {
            LOG.info(() -> "Queued again the reports whose job the last stop cut off: " + running.stream().map(Report::getNumber).toList());
        }
    }

    /** The reports queued again after their job was interrupted, oldest first, with the execution to restart. */
    public List<Report> awaitingRestart() {
        return em.createQuery("select r from Report r where r.status = :queued and r.executionId is not null order by r.createdAt", Report.class)
                .setParameter("queued", ReportStatus.QUEUED).getResultList();
    }

    /** Marks a report whose batch job ended without storing it as failed. */
    public Report failed(UUID reportId, String message) {
        Report report = em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        report.failed(message, clock.instant());
        return report;
    }

    private static PeopleScope scope(AttendanceViewer viewer, String department, List<String> employeeIds) {
        return switch (viewer.reach()) {
            case TENANT -> new PeopleScope(viewer.clientId(), department, null, null, employeeIds);
            case DEPARTMENT -> new PeopleScope(viewer.clientId(), department, viewer.department(), null, employeeIds);
            case SELF -> new PeopleScope(viewer.clientId(), department, null, viewer.personId(), employeeIds);
        };
    }

    /**
     * The attendance patterns of the caller's scope ({@link AttendancePatterns}): weekdays over the
     * last {@code weeks} whole weeks, seasons over the last 52, and next week's prediction.
     */
    public AttendancePatterns patterns(AttendanceViewer viewer, String department, int weeks) {
        ZoneId zone = book.policy(viewer.clientId()).timeZone();
        LocalDate thisMonday = LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        PeopleScope scope = scope(viewer, department, List.of());
        Map<LocalDate, Long> present = new TreeMap<>();
        present(scope, zone, new SummaryPeriod.Range(thisMonday.minusWeeks(52), thisMonday.minusDays(1)))
                .forEach(count -> present.merge(count.day(), count.present(), Long::sum));
        long people = people(scope).values().stream().mapToLong(Long::longValue).sum();
        Bounds bounds = Bounds.of(new SummaryPeriod.Range(thisMonday.minusWeeks(weeks), thisMonday.minusDays(1)), zone);
        List<Object> parameters = new ArrayList<>(List.of(zone.getId(), scope.clientId(), Timestamp.from(bounds.from()),
                Timestamp.from(bounds.until())));
        StringBuilder where = new StringBuilder();
        scope.restrict(where, parameters);
        Map<DayOfWeek, Map<Integer, Long>> hours = new EnumMap<>(DayOfWeek.class);
        for (Object result : bind(em.createNativeQuery("select extract(isodow from l.logged_at at time zone ?1)::int,"
                + " extract(hour from l.logged_at at time zone ?1)::int, count(*) from client_user u cross join lateral"
                + " (select logged_at from attendance_log l where l.client_user_id = u.id and l.logged_at >= ?3 and l.logged_at < ?4) l"
                + " where u.client_id = ?2 and" + where + " group by 1, 2"), parameters).getResultList()) {
            Object[] row = (Object[]) result;
            hours.computeIfAbsent(DayOfWeek.of(((Number) row[0]).intValue()), d -> new TreeMap<>())
                    .put(((Number) row[1]).intValue(), ((Number) row[2]).longValue());
        }
        return AttendancePatterns.compute(present, hours, people, calendars.of(viewer.clientId()), thisMonday, weeks);
    }

    /** Active people in scope per department. */
    private Map<String, Long> people(PeopleScope scope) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        scope.restrict(where, parameters);
        Map<String, Long> people = new TreeMap<>();
        for (Object result : bind(em.createNativeQuery("select coalesce(u.department, '" + PeopleScope.NO_DEPARTMENT + "'), count(*)"
                + " from client_user u where" + where + " group by 1"), parameters).getResultList()) {
            Object[] row = (Object[]) result;
            people.put((String) row[0], ((Number) row[1]).longValue());
        }
        return people;
    }

    /**
     * People in scope present per department (their department now, as the headcount counts them)
     * and day of the client's time zone.
     */
    private List<AttendanceFigures.DayCount> present(PeopleScope scope, ZoneId zone, SummaryPeriod.Range range) {
        Bounds bounds = Bounds.of(range, zone);
        List<Object> parameters = new ArrayList<>(List.of(zone.getId(), scope.clientId(), Timestamp.from(bounds.from()),
                Timestamp.from(bounds.until())));
        StringBuilder where = new StringBuilder();
        scope.restrict(where, parameters);
        // Per person, a range of the (client_user_id, logged_at) index: the lateral join is a nested loop
        // whatever the statistics say (a hash join of the client's whole range, planned from stale
        // statistics right after a bulk load, became a nested loop over a million rows and took minutes).
        Query query = em.createNativeQuery("select coalesce(u.department, '" + PeopleScope.NO_DEPARTMENT + "'), d.day, count(*)"
                + " from client_user u cross join lateral (select distinct (l.logged_at at time zone ?1)::date as day from attendance_log l"
                + "  where l.client_user_id = u.id and l.logged_at >= ?3 and l.logged_at < ?4) d"
                + " where u.client_id = ?2 and" + where + " group by 1, 2");
        List<AttendanceFigures.DayCount> counts = new ArrayList<>();
        for (Object result : bind(query, parameters).getResultList()) {
            Object[] row = (Object[]) result;
            counts.add(new AttendanceFigures.DayCount((String) row[0], localDate(row[1]), ((Number) row[2]).longValue()));
        }
        return counts;
    }

    /**
     * The instants a range of the client's days covers: from the start of its first day to the start
     * of the day after its last (a day is 23 or 25 hours across a daylight-saving change, and starts
     * at 01:00 where the change skips midnight).
     */
    record Bounds(Instant from, Instant until) {
        static Bounds of(SummaryPeriod.Range range, ZoneId zone) {
            return new Bounds(range.from().atStartOfDay(zone).toInstant(), range.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
    }

    /** Seed 004's {@code RPT_<yyyyMMdd>_<nnn>}, numbered per client and UTC day (the caller holds the client's row lock). */
    private String nextNumber(UUID clientId, Instant now) {
        String prefix = "RPT_" + NUMBER_DAY.format(now.atOffset(ZoneOffset.UTC)) + "_";
        long taken = ((Number) em.createNativeQuery("select count(*) from report where client_id = ?1 and number like ?2")
                .setParameter(1, clientId).setParameter(2, prefix + "%").getSingleResult()).longValue();
        return prefix + String.format("%03d", taken + 1);
    }

    private static Query bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    private static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : LocalDate.parse(value.toString().substring(0, 10));
    }
}

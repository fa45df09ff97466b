package io.facegate.reports;

import io.facegate.attendance.AttendanceBook;
import io.facegate.attendance.AttendanceViewer;
import io.facegate.attendance.SummaryPeriod;
import io.facegate.domain.reports.Report;
import io.facegate.domain.reports.ReportFormat;
import io.facegate.domain.reports.ReportSchedule;
import io.facegate.domain.reports.ScheduleFrequency;
import io.facegate.system.FaceGateException;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Each client's scheduled reports: kept here, run when due ({@link ReportTimer}). */
@Stateless
public class ReportSchedules {

    /** Most schedules of one client. */
    public static final int MAX_PER_CLIENT = 50;

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    AttendanceBook book;

    @Inject
    AttendanceReports reports;

    public ReportSchedule create(UUID clientId, ScheduleFrequency frequency, ReportFormat format, String department, List<String> employeeIds) {
        if (!format.isFile()) {
            throw FaceGateException.invalid("invalid_format", "a schedule makes files: format must be pdf or excel");
        }
        long existing = em.createQuery("select count(s) from ReportSchedule s where s.clientId = :client", Long.class)
                .setParameter("client", clientId).getSingleResult();
        if (existing >= MAX_PER_CLIENT) {
            throw FaceGateException.invalid("too_many_schedules", "a client has at most " + MAX_PER_CLIENT + " report schedules");
        }
        ReportSchedule schedule = new ReportSchedule(clientId, frequency, format, department, employeeIds,
                book.policy(clientId).timeZone(), Instant.now());
        em.persist(schedule);
        return schedule;
    }

    public ReportSchedule find(UUID clientId, UUID scheduleId) {
        ReportSchedule schedule = em.find(ReportSchedule.class, scheduleId);
        if (schedule == null || !schedule.belongsTo(clientId)) {
            throw FaceGateException.notFound("report schedule");
        }
        return schedule;
    }

    public Page<ReportSchedule> list(UUID clientId, int offset, int limit) {
        Page.validate(offset, limit);
        long count = em.createQuery("select count(s) from ReportSchedule s where s.clientId = :client", Long.class)
                .setParameter("client", clientId).getSingleResult();
        List<ReportSchedule> rows = em.createQuery("select s from ReportSchedule s where s.clientId = :client order by s.createdAt, s.id",
                        ReportSchedule.class)
                .setParameter("client", clientId).setFirstResult(offset).setMaxResults(limit).getResultList();
        return new Page<>(count, offset, limit, rows);
    }

    public void delete(UUID clientId, UUID scheduleId) {
        em.remove(find(clientId, scheduleId));
    }

    /** Ids of schedules due now, soonest first. */
    public List<UUID> due(Instant now, int limit) {
        return em.createQuery("select s.id from ReportSchedule s where s.active = true and s.nextRunAt <= :now order by s.nextRunAt",
                UUID.class).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /**
     * Records the report of a due schedule's last period and moves the schedule on, in one
     * transaction; empty when the schedule is gone, not due any more, or taken by another server.
     */
    public Optional<Report> claim(UUID scheduleId, Instant now) {
        List<?> locked = em.createNativeQuery("select id from report_schedule where id = ?1 and is_active and next_run_at <= ?2"
                        + " for update skip locked")
                .setParameter(1, scheduleId).setParameter(2, Timestamp.from(now)).getResultList();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        ReportSchedule schedule = em.find(ReportSchedule.class, scheduleId, LockModeType.PESSIMISTIC_WRITE);
        ZoneId zone = book.policy(schedule.getClientId()).timeZone();
        ReportRequest request = new ReportRequest(schedule.getFormat(), period(schedule.getFrequency()), schedule.coveredFrom(zone),
                schedule.coveredTo(zone), schedule.getDepartment(), schedule.employeeIds());
        Report report = reports.create(new AttendanceViewer(schedule.getClientId(), AttendanceViewer.Reach.TENANT, null, null), request,
                ReportReady.SCHEDULE + schedule.getId()).record();
        schedule.ran(report.getId(), zone, now);
        return Optional.of(report);
    }

    private static SummaryPeriod period(ScheduleFrequency frequency) {
        return switch (frequency) {
            case DAILY -> SummaryPeriod.DAILY;
            case WEEKLY -> SummaryPeriod.WEEKLY;
            case MONTHLY -> SummaryPeriod.MONTHLY;
        };
    }
}

package io.facegate.attendance;

import io.facegate.clients.ClientUserDirectory;
import io.facegate.domain.attendance.AttendanceLog;
import io.facegate.domain.clients.ClientUser;
import io.facegate.system.FaceGateException;
import io.facegate.system.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reading attendance, always within what the viewer may see ({@link AttendanceViewer}): the logs
 * (newest first), the summary (computed by PostgreSQL in one pass, in the client's time zone) and a
 * person's own profile.
 */
@Stateless
public class AttendanceQueries {

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    AttendanceBook book;

    @Inject
    ClientUserDirectory directory;

    private final Clock clock = Clock.systemUTC();

    public Page<LoggedAttendance> logs(AttendanceViewer viewer, LogFilter filter, int offset, int limit) {
        Page.validate(offset, limit);
        ZoneId zone = book.policy(viewer.clientId()).timeZone();
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = new StringBuilder(" where l.clientId = :clientId");
        parameters.put("clientId", viewer.clientId());
        restrict(viewer, where, parameters);
        if (filter.employeeId() != null) {
            ClientUser person = directory.findByExternalId(viewer.clientId(), filter.employeeId().strip());
            if (person == null) {
                return new Page<>(0, offset, limit, List.of());
            }
            where.append(" and l.clientUserId = :employee");
            parameters.put("employee", person.getId());
        }
        if (filter.dateFrom() != null) {
            where.append(" and l.loggedAt >= :from");
            parameters.put("from", startOf(filter.dateFrom(), zone));
        }
        if (filter.dateTo() != null) {
            where.append(" and l.loggedAt < :to");
            parameters.put("to", startOf(filter.dateTo().plusDays(1), zone));
        }
        if (filter.cameraCode() != null) {
            where.append(" and l.cameraCode = :camera");
            parameters.put("camera", filter.cameraCode().strip());
        }
        if (filter.department() != null) {
            where.append(" and l.department = :department");
            parameters.put("department", filter.department().strip());
        }
        TypedQuery<Long> count = em.createQuery("select count(l) from AttendanceLog l" + where, Long.class);
        TypedQuery<Object[]> items = em.createQuery("select l, u from AttendanceLog l, ClientUser u" + where
                + " and u.id = l.clientUserId order by l.loggedAt desc, l.id", Object[].class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        List<LoggedAttendance> rows = items.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(row -> new LoggedAttendance((AttendanceLog) row[0], (ClientUser) row[1])).toList();
        return new Page<>(count.getSingleResult(), offset, limit, rows);
    }

    /**
     * The summary of {@code period} over the range (null ends: the period holding today, or the
     * given end). One SQL statement computes every figure from one index range.
     */
    public AttendanceSummary summary(AttendanceViewer viewer, SummaryPeriod period, LocalDate dateFrom, LocalDate dateTo, String department) {
        ZoneId zone = book.policy(viewer.clientId()).timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        SummaryPeriod.Range range = period.range(dateFrom, dateTo, today);
        LocalDate from = range.from();
        LocalDate to = range.to();
        List<Object> parameters = new ArrayList<>(List.of(zone.getId(), period.sqlUnit(), viewer.clientId(),
                Timestamp.from(startOf(from, zone)), Timestamp.from(startOf(to.plusDays(1), zone))));
        StringBuilder where = new StringBuilder();
        if (department != null) {
            parameters.add(department.strip());
            where.append(" and department = ?").append(parameters.size());
        }
        switch (viewer.reach()) {
            case TENANT -> { }
            case DEPARTMENT -> {
                parameters.add(viewer.department());
                where.append(" and department = ?").append(parameters.size());
            }
            case SELF -> {
                parameters.add(viewer.personId());
                where.append(" and client_user_id = ?").append(parameters.size());
            }
        }
        // The range is read once (one index range scan, materialised); every figure is then a hash
        // aggregate of it: no sort, which made grouping sets with count(distinct) twice as slow.
        Query query = em.createNativeQuery("with scoped as materialized ("
                + "  select client_user_id, coalesce(department, '" + AttendanceSummary.NO_DEPARTMENT + "') as department,"
                + "         logged_at at time zone ?1 as local_time"
                + "  from attendance_log where client_id = ?3 and logged_at >= ?4 and logged_at < ?5" + where + ")"
                + " select 'total', null::text, null::int, null::date, count(*),"
                + "        (select count(*) from (select distinct client_user_id from scoped) people) from scoped"
                + " union all select 'department', department, null, null, count(*), null from scoped group by department"
                + " union all select 'hour', null, extract(hour from local_time)::int, null, count(*), null from scoped group by 3"
                + " union all select 'period', null, null, bucket, sum(logs)::bigint, count(*) from"
                + "   (select date_trunc(?2, local_time)::date as bucket, client_user_id, count(*) as logs from scoped group by 1, 2) per_person"
                + "   group by bucket");
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        long total = 0;
        long unique = 0;
        Map<String, Long> departments = new TreeMap<>();
        Map<String, Long> hours = new TreeMap<>();
        List<AttendanceSummary.PeriodTotal> breakdown = new ArrayList<>();
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            long count = ((Number) row[4]).longValue();
            switch ((String) row[0]) {
                case "total" -> {
                    total = count;
                    unique = ((Number) row[5]).longValue();
                }
                case "department" -> departments.put((String) row[1], count);
                case "hour" -> hours.put(String.format("%02d:00", ((Number) row[2]).intValue()), count);
                case "period" -> breakdown.add(new AttendanceSummary.PeriodTotal(localDate(row[3]), count, ((Number) row[5]).longValue()));
                default -> throw new IllegalStateException("unexpected summary row " + row[0]);
            }
        }
        breakdown.sort((a, b) -> a.periodStart().compareTo(b.periodStart()));
        return new AttendanceSummary(period, from, to, zone, total, unique, new LinkedHashMap<>(departments), new LinkedHashMap<>(hours),
                breakdown);
    }

    /** The person a log is of (for showing a log just written). */
    public ClientUser personOf(UUID clientId, AttendanceLog log) {
        return directory.find(clientId, log.getClientUserId());
    }

    /** The person's own attendance at a glance (seed 004's mobile profile). */
    public AttendanceProfile profile(UUID clientId, UUID personId) {
        ClientUser person = directory.find(clientId, personId);
        ZoneId zone = book.policy(clientId).timeZone();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        LocalDate today = now.toLocalDate();
        Instant firstToday = em.createQuery("select min(l.loggedAt) from AttendanceLog l where l.clientUserId = :person"
                        + " and l.loggedAt >= :from and l.loggedAt < :to", Instant.class)
                .setParameter("person", personId).setParameter("from", startOf(today, zone))
                .setParameter("to", startOf(today.plusDays(1), zone)).getSingleResult();
        LocalDate monday = SummaryPeriod.WEEKLY.start(today);
        long weekDays = daysPresent(personId, zone, monday, today);
        LocalDate monthStart = today.withDayOfMonth(1);
        long monthDays = daysPresent(personId, zone, monthStart, today);
        long weekdays = monthStart.datesUntil(today.plusDays(1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY).count();
        double rate = weekdays == 0 ? (monthDays > 0 ? 1 : 0) : Math.min(1.0, (double) monthDays / weekdays);
        return new AttendanceProfile(person, firstToday == null ? null : HOUR_MINUTE.format(firstToday.atZone(zone)), weekDays,
                Math.round(rate * 100) / 100.0);
    }

    private long daysPresent(UUID personId, ZoneId zone, LocalDate from, LocalDate to) {
        return ((Number) em.createNativeQuery("select count(distinct (logged_at at time zone ?1)::date) from attendance_log"
                        + " where client_user_id = ?2 and logged_at >= ?3 and logged_at < ?4")
                .setParameter(1, zone.getId()).setParameter(2, personId)
                .setParameter(3, Timestamp.from(startOf(from, zone))).setParameter(4, Timestamp.from(startOf(to.plusDays(1), zone)))
                .getSingleResult()).longValue();
    }

    private static void restrict(AttendanceViewer viewer, StringBuilder where, Map<String, Object> parameters) {
        switch (viewer.reach()) {
            case TENANT -> { }
            case DEPARTMENT -> {
                where.append(" and l.department = :viewerDepartment");
                parameters.put("viewerDepartment", viewer.department());
            }
            case SELF -> {
                where.append(" and l.clientUserId = :viewer");
                parameters.put("viewer", viewer.personId());
            }
        }
    }

    static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }
}

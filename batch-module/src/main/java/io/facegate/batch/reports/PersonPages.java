package io.facegate.batch.reports;

import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.reports.PeopleScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The people of a report in pages, ordered by department and employee id, each with their days
 * present: a page is the next people after the last one read (keyset, no offset), then one
 * grouped read of their attendance from the index on {@code (client_user_id, logged_at)}. However
 * long the range, a page holds only its people's days.
 */
final class PersonPages {

    /** The last person read: the next page starts after them. */
    record Key(String department, String employeeId) {
    }

    private final EntityManager em;
    private final ReportJob job;

    PersonPages(EntityManager em, ReportJob job) {
        this.em = em;
        this.job = job;
    }

    List<PersonAttendance> after(Key last, int size) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        job.scope().restrict(where, parameters);
        if (last != null) {
            parameters.add(last.department());
            parameters.add(last.employeeId());
            where.append(" and (coalesce(u.department, '" + PeopleScope.NO_DEPARTMENT + "'), u.external_user_id) > (?").append(parameters.size() - 1)
                    .append(", ?").append(parameters.size()).append(")");
        }
        Query people = em.createNativeQuery("select u.* from client_user u where" + where
                + " order by coalesce(u.department, '" + PeopleScope.NO_DEPARTMENT + "'), u.external_user_id limit " + size, ClientUser.class);
        bind(people, parameters);
        @SuppressWarnings("unchecked")
        List<ClientUser> page = people.getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<PersonAttendance.Day>> days = days(page);
        return page.stream().map(person -> new PersonAttendance(person.getId(), person.getExternalUserId(), person.fullName(),
                person.getDepartment() == null ? PeopleScope.NO_DEPARTMENT : person.getDepartment(),
                days.getOrDefault(person.getId(), List.of()))).toList();
    }

    static Key keyOf(PersonAttendance person) {
        return new Key(person.department(), person.employeeId());
    }

    private Map<UUID, List<PersonAttendance.Day>> days(List<ClientUser> page) {
        String ids = page.stream().map(p -> p.getId().toString()).collect(Collectors.joining(",", "{", "}"));
        Query query = em.createNativeQuery("select client_user_id, (logged_at at time zone ?1)::date, min(logged_at), max(logged_at), count(*)"
                + " from attendance_log where client_id = ?2 and client_user_id = any(cast(?3 as uuid[]))"
                + " and logged_at >= ?4 and logged_at < ?5 group by 1, 2 order by 1, 2");
        bind(query, List.of(job.zone().getId(), job.scope().clientId(), ids,
                Timestamp.from(job.from().atStartOfDay(job.zone()).toInstant()),
                Timestamp.from(job.to().plusDays(1).atStartOfDay(job.zone()).toInstant())));
        Map<UUID, List<PersonAttendance.Day>> days = new HashMap<>();
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            UUID person = row[0] instanceof UUID id ? id : UUID.fromString(row[0].toString());
            LocalDate date = row[1] instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(row[1].toString().substring(0, 10));
            days.computeIfAbsent(person, p -> new ArrayList<>()).add(new PersonAttendance.Day(date, instant(row[2]), instant(row[3]),
                    ((Number) row[4]).longValue(), job.calendar().isWorkingDay(date)));
        }
        return days;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : Instant.parse(value.toString());
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }
}

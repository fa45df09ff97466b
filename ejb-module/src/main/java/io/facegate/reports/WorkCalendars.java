package io.facegate.reports;

import io.facegate.domain.reports.WorkCalendar;
import io.facegate.system.SettingsChanged;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Each client's working calendar (working weekdays and holidays), which attendance rates count. */
@Stateless
public class WorkCalendars {

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    Event<SettingsChanged> settingsChanged;

    /** The client's calendar, or Monday to Friday without holidays when it set none. */
    public WorkCalendar of(UUID clientId) {
        WorkCalendar own = em.find(WorkCalendar.class, clientId);
        return own == null ? WorkCalendar.standard(clientId) : own;
    }

    public WorkCalendar configure(UUID clientId, Set<DayOfWeek> workingDays, Collection<LocalDate> holidays) {
        Instant now = Instant.now();
        // Two first configurations at once: the second waits for the first's row and then changes it.
        em.createNativeQuery("insert into work_calendar (client_id, working_days, holidays, updated_at) values (?1, '1', '', ?2)"
                        + " on conflict (client_id) do nothing")
                .setParameter(1, clientId).setParameter(2, Timestamp.from(now)).executeUpdate();
        WorkCalendar calendar = em.find(WorkCalendar.class, clientId, LockModeType.PESSIMISTIC_WRITE);
        calendar.change(workingDays, holidays, now);
        settingsChanged.fire(new SettingsChanged(clientId, "work_calendar", null, "updated", List.of("working_days", "holidays"), now));
        return calendar;
    }
}

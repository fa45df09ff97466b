package io.facegate.domain.reports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The days a client works, which an attendance rate counts: its working weekdays and holidays.
 * Days are the client's own (dates in its attendance time zone); a client without a row works
 * Monday to Friday with no holidays ({@link #standard(UUID)}).
 */
@Entity
@Table(name = "work_calendar")
public class WorkCalendar {

    /** At most this many holidays: ten years of a generous calendar. */
    public static final int MAX_HOLIDAYS = 500;

    @Id
    @Column(name = "client_id")
    private UUID clientId;

    /** ISO weekday numbers (1 = Monday), comma-separated. */
    @Column(name = "working_days", nullable = false)
    private String workingDays;

    /** ISO dates, comma-separated, ascending. */
    @Column(nullable = false)
    private String holidays;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected WorkCalendar() {
        // for JPA
    }

    public WorkCalendar(UUID clientId, Set<DayOfWeek> workingDays, Collection<LocalDate> holidays, Instant now) {
        this.clientId = clientId;
        change(workingDays, holidays, now);
    }

    /** Monday to Friday, no holidays: the calendar of a client that set none (not persisted). */
    public static WorkCalendar standard(UUID clientId) {
        return new WorkCalendar(clientId, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(), Instant.EPOCH);
    }

    public final void change(Set<DayOfWeek> newWorkingDays, Collection<LocalDate> newHolidays, Instant now) {
        if (newWorkingDays.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one working day");
        }
        if (newHolidays.size() > MAX_HOLIDAYS) {
            throw new IllegalArgumentException("a calendar holds at most " + MAX_HOLIDAYS + " holidays");
        }
        this.workingDays = EnumSet.copyOf(newWorkingDays).stream().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
        this.holidays = new TreeSet<>(newHolidays).stream().map(LocalDate::toString).collect(Collectors.joining(","));
        this.updatedAt = now;
    }

    public Set<DayOfWeek> workingWeekdays() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(workingDays.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> days.add(DayOfWeek.of(Integer.parseInt(s))));
        return days;
    }

    public SortedSet<LocalDate> holidays() {
        return Arrays.stream(holidays.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(LocalDate::parse)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A working weekday that is not a holiday. */
    public boolean isWorkingDay(LocalDate day) {
        return workingWeekdays().contains(day.getDayOfWeek()) && !holidays().contains(day);
    }

    /** The working days from {@code from} to {@code to}, both included, ascending. */
    public List<LocalDate> workingDaysBetween(LocalDate from, LocalDate to) {
        Set<DayOfWeek> weekdays = workingWeekdays();
        SortedSet<LocalDate> off = holidays();
        return from.datesUntil(to.plusDays(1)).filter(d -> weekdays.contains(d.getDayOfWeek()) && !off.contains(d)).toList();
    }

    public UUID getClientId() {
        return clientId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

package io.facegate.domain.reports;

/** The attendance rate of reports: person-days present over person-days expected, to four decimals. */
public final class AttendanceRate {

    private AttendanceRate() {
    }

    /** 0 when no day was expected (no one in scope, or no working day yet), never a division by zero. */
    public static double of(long presentDays, long expectedDays) {
        return expectedDays <= 0 ? 0 : Math.round(presentDays * 10_000.0 / expectedDays) / 10_000.0;
    }
}

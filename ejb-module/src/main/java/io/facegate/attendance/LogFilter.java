package io.facegate.attendance;

import java.time.LocalDate;

/** Seed 004's filters of the attendance logs; null fields do not filter, dates are days of the client's time zone. */
public record LogFilter(String employeeId, LocalDate dateFrom, LocalDate dateTo, String cameraCode, String department) {
}

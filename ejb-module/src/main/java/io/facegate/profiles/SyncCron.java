package io.facegate.profiles;

import io.facegate.system.FaceGateException;
import jakarta.ejb.ScheduleExpression;

import java.util.regex.Pattern;

/**
 * A cron-like schedule, {@code minute hour day-of-month month day-of-week} ({@code 0 3 * * *}:
 * every night at 3), read into the EJB timer service's calendar expression, which takes the same
 * values, lists ({@code 1,15}), ranges ({@code 1-5}), steps ({@code *}{@code /15}) and names ({@code Mon}).
 */
public record SyncCron(String minute, String hour, String dayOfMonth, String month, String dayOfWeek) {

    private static final Pattern FIELD = Pattern.compile("[0-9A-Za-z*/,\\-]{1,30}");

    public static SyncCron parse(String text) {
        String[] fields = text == null ? new String[0] : text.strip().split("\\s+");
        if (fields.length != 5) {
            throw invalid("cron takes five fields: minute hour day-of-month month day-of-week (e.g. \"0 3 * * *\")");
        }
        for (String field : fields) {
            if (!FIELD.matcher(field).matches()) {
                throw invalid("cron field \"" + field + "\" is not a value, list, range or step");
            }
        }
        return new SyncCron(fields[0], fields[1], fields[2], fields[3], fields[4]);
    }

    ScheduleExpression expression() {
        return new ScheduleExpression().second("0").minute(minute).hour(hour).dayOfMonth(dayOfMonth).month(month).dayOfWeek(dayOfWeek);
    }

    @Override
    public String toString() {
        return String.join(" ", minute, hour, dayOfMonth, month, dayOfWeek);
    }

    static FaceGateException invalid(String message) {
        return FaceGateException.invalid("invalid_cron", message);
    }
}

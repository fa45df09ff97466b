package io.facegate.profiles;

import io.facegate.system.FaceGateException;
import jakarta.ejb.ScheduleExpression;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SyncCronTest {

    @Test
    void fiveCronFieldsBecomeTheTimerServicesCalendar() {
        ScheduleExpression expression = SyncCron.parse("  */15 2-4 1,15 * Mon-Fri ").expression();
        assertEquals("0", expression.getSecond());
        assertEquals("*/15", expression.getMinute());
        assertEquals("2-4", expression.getHour());
        assertEquals("1,15", expression.getDayOfMonth());
        assertEquals("*", expression.getMonth());
        assertEquals("Mon-Fri", expression.getDayOfWeek());
        assertEquals("*/15 2-4 1,15 * Mon-Fri", SyncCron.parse("*/15  2-4 1,15 * Mon-Fri").toString());
    }

    @Test
    void anythingElseIsAnInvalidCron() {
        for (String cron : new String[]{null, "", "0 3 * *", "0 3 * * * *", "every night at 3", "0 3 * * $(rm)"}) {
            assertEquals("invalid_cron", assertThrows(FaceGateException.class, () -> SyncCron.parse(cron), String.valueOf(cron)).code());
        }
    }
}

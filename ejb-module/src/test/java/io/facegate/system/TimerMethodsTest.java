package io.facegate.system;

import jakarta.ejb.Schedule;
import jakarta.ejb.Schedules;
import jakarta.ejb.Timeout;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every EJB timeout of the module (each {@code @Schedule} and {@code @Timeout} method) runs without a
 * container transaction, so that a use case failing in its own transaction cannot fail the timeout
 * (two failed timeouts and Payara removes the timer).
 */
class TimerMethodsTest {

    @Test
    void everyTimeoutRunsWithoutAContainerTransaction() throws Exception {
        Path classes = Path.of(Timeouts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> timers = new TreeSet<>();
        List<String> transactional = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                Method[] methods;
                try {
                    type = Class.forName(name, false, getClass().getClassLoader());
                    methods = type.getDeclaredMethods();
                } catch (LinkageError unloadable) {
                    continue;
                }
                for (Method method : methods) {
                    if (method.isAnnotationPresent(Schedule.class) || method.isAnnotationPresent(Schedules.class)
                            || method.isAnnotationPresent(Timeout.class)) {
                        String timer = type.getSimpleName() + "#" + method.getName();
                        timers.add(timer);
                        if (attribute(type, method) != TransactionAttributeType.NOT_SUPPORTED) {
                            transactional.add(timer);
                        }
                    }
                }
            }
        }
        assertTrue(timers.containsAll(Set.of("ReportTimer#runDue", "JobRecovery#restartInterrupted", "MaintenanceJobs#nightly",
                "SessionExpiry#expireIdle", "FaceTaskRecovery#purgeExpired", "DetectionRetention#nightly", "ProfileSyncScheduler#run")),
                "the scan found the timers: " + timers);
        assertEquals(List.of(), transactional, "timeouts in a container transaction");
    }

    private static TransactionAttributeType attribute(Class<?> type, Method method) {
        TransactionAttribute onMethod = method.getAnnotation(TransactionAttribute.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        TransactionAttribute onClass = type.getAnnotation(TransactionAttribute.class);
        return onClass == null ? TransactionAttributeType.REQUIRED : onClass.value();
    }
}

package io.facegate.it.bench;

import io.facegate.it.FaceGateServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The integration-test server's process as Linux sees it: resident memory and CPU time per thread group. */
final class ServerProcess {

    /** Linux's USER_HZ, the unit of /proc/<pid>/stat CPU times. */
    static final double CLOCK_TICKS = 100;

    private ServerProcess() {
    }

    static long rssMb() {
        try {
            return Files.readAllLines(Path.of("/proc", pid(), "status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time (clock ticks, user + system) of the server's threads, grouped by thread name without its number. */
    static Map<String, Long> cpuTicksByThread() throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", pid(), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[-_ (]*\\d+\\)?$", "");
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
            }
        }
        return ticks;
    }

    private static String pid() throws IOException {
        return Files.readString(FaceGateServer.dataDirectory().resolve("payara/glassfish/domains/facegate/config/pid")).strip();
    }
}

package io.facegate.system;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine FaceGate runs on, as the JVM and Linux report it at the moment of asking: CPU load,
 * memory, the disk holding the server's files, and the bytes the network interfaces (loopback
 * excluded) sent and received since boot ({@code /proc/net/dev}; null elsewhere).
 */
public final class HostMetrics {

    /** @param cpuUsage the machine's CPU load over the JVM's last sample, 0 to 1 (null when not known yet) */
    public record Snapshot(Double cpuUsage, Double processCpuUsage, double memoryUsage, long heapUsedBytes, long heapMaxBytes,
                           double diskUsage, Long bytesSent, Long bytesReceived) {
    }

    private HostMetrics() {
    }

    public static Snapshot now(Path disk) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double total = os.getTotalMemorySize();
        double memory = total <= 0 ? 0 : (total - os.getFreeMemorySize()) / total;
        Runtime runtime = Runtime.getRuntime();
        long[] network = network(Path.of("/proc/net/dev"));
        return new Snapshot(load(os.getCpuLoad()), load(os.getProcessCpuLoad()), round(memory), runtime.totalMemory() - runtime.freeMemory(),
                runtime.maxMemory(), round(diskUsage(disk)), network == null ? null : network[1], network == null ? null : network[0]);
    }

    private static double diskUsage(Path path) {
        try {
            FileStore store = Files.getFileStore(path);
            return store.getTotalSpace() == 0 ? 0 : (store.getTotalSpace() - store.getUsableSpace()) / (double) store.getTotalSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Received and sent bytes of every interface but loopback, or null where the file is not Linux's. */
    static long[] network(Path procNetDev) {
        try {
            List<String> lines = Files.readAllLines(procNetDev);
            long received = 0;
            long sent = 0;
            for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
                String[] nameAndFields = line.split(":", 2);
                if (nameAndFields.length != 2 || nameAndFields[0].strip().equals("lo")) {
                    continue;
                }
                String[] fields = nameAndFields[1].strip().split("\\s+");
                received += Long.parseLong(fields[0]);
                sent += Long.parseLong(fields[8]);
            }
            return new long[]{received, sent};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Double load(double value) {
        return value < 0 ? null : round(value);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

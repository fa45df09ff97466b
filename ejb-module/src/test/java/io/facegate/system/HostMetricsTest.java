package io.facegate.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostMetricsTest {

    @TempDir
    Path dir;

    @Test
    void networkBytesAddUpEveryInterfaceButLoopback() throws IOException {
        Path dev = dir.resolve("dev");
        Files.writeString(dev, """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo: 9999999    1000    0    0    0     0          0         0  9999999    1000    0    0    0     0       0          0
                  eth0: 2048000000 150000  0    0    0     0          0         0 1024000000 90000    0    0    0     0       0          0
                 wlan0:    1000      10    0    0    0     0          0         0     500       5    0    0    0     0       0          0
                """);
        assertArrayEquals(new long[]{2_048_001_000L, 1_024_000_500L}, HostMetrics.network(dev));
        assertNull(HostMetrics.network(dir.resolve("missing")), "not Linux: unknown, not 0");
    }

    @Test
    void theSnapshotIsInRange() {
        HostMetrics.Snapshot now = HostMetrics.now(dir);
        assertTrue(now.memoryUsage() > 0 && now.memoryUsage() <= 1, now::toString);
        assertTrue(now.diskUsage() >= 0 && now.diskUsage() <= 1, now::toString);
        assertTrue(now.heapUsedBytes() > 0 && now.heapUsedBytes() <= now.heapMaxBytes(), now::toString);
    }
}

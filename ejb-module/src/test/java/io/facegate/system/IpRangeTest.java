package io.facegate.system;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpRangeTest {

    @Test
    void literalsAreParsedWithoutAnyLookup() {
        assertTrue(IpRange.literal("localhost").isEmpty());
        assertTrue(IpRange.literal("999.1.1.1").isEmpty());
        assertTrue(IpRange.literal("example.com").isEmpty());
        assertEquals("10.1.2.3", IpRange.literal("10.1.2.3").orElseThrow().getHostAddress());
        assertEquals("2001:db8:0:0:0:0:0:1", IpRange.literal("2001:db8::1").orElseThrow().getHostAddress());
    }

    @Test
    void rangesContainTheirAddressesOnly() throws Exception {
        IpRange eight = IpRange.parse("10.0.0.0/8");
        assertTrue(eight.contains(InetAddress.getByName("10.255.0.1")));
        assertFalse(eight.contains(InetAddress.getByName("11.0.0.1")));
        assertFalse(eight.contains(InetAddress.getByName("::1")), "another family");
        assertTrue(IpRange.parse("fd00::/8").contains(InetAddress.getByName("fd12::7")));
        assertTrue(IpRange.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.1")));
        assertEquals("10.0.0.0/8", eight.toString());
    }

    @Test
    void malformedRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("proxy.example.com"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/x"));
    }
}

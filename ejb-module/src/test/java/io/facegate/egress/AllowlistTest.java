package io.facegate.egress;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowlistTest {

    @Test
    void addressClassesAreAllowedByName() throws Exception {
        Allowlist cameras = Allowlist.parse("private, public");
        assertTrue(cameras.permits("cam", ip("192.168.1.100")));
        assertTrue(cameras.permits("cam", ip("8.8.8.8")));
        assertFalse(cameras.permits("localhost", ip("127.0.0.1")), "loopback only when listed");
        assertTrue(Allowlist.parse("private,public,loopback").permits("localhost", ip("127.0.0.1")));
        assertFalse(Allowlist.parse("public").permits("nvr", ip("10.0.0.5")));
    }

    @Test
    void rangesNarrowOrWiden() throws Exception {
        Allowlist vlan = Allowlist.parse("192.168.10.0/24, 2001:db8::/32, 127.0.0.1");
        assertTrue(vlan.permits("cam", ip("192.168.10.7")));
        assertFalse(vlan.permits("cam", ip("192.168.11.7")));
        assertTrue(vlan.permits("cam", ip("2001:db8::5")));
        assertTrue(vlan.permits("localhost", ip("127.0.0.1")));
        assertFalse(vlan.permits("localhost", ip("127.0.0.2")));
    }

    @Test
    void hostNamesAndTheirSubdomains() throws Exception {
        Allowlist hosts = Allowlist.parse("nvr.lan, *.cams.example.com");
        assertTrue(hosts.permits("NVR.lan.", ip("10.0.0.9")));
        assertTrue(hosts.permits("door.cams.example.com", ip("10.0.0.10")));
        assertFalse(hosts.permits("cams.example.com", ip("10.0.0.10")), "the wildcard is for subdomains");
        assertFalse(hosts.permits("evilcams.example.com", ip("10.0.0.10")));
        assertFalse(hosts.permits("other.lan", ip("10.0.0.9")));
    }

    @Test
    void linkLocalAndMetadataAreNeverAllowed() throws Exception {
        Allowlist everything = Allowlist.parse("0.0.0.0/0, ::/0, public, private, loopback, metadata.google.internal");
        assertFalse(everything.permits("metadata.google.internal", ip("169.254.169.254")));
        assertFalse(everything.permits("x", ip("169.254.10.10")));
        assertFalse(everything.permits("x", ip("fd00:ec2::254")));
        assertFalse(everything.permits("x", ip("0.0.0.0")));
        assertFalse(everything.permits("x", ip("224.0.0.1")));
        assertTrue(everything.permits("x", ip("8.8.8.8")));
    }

    @Test
    void malformedEntriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Allowlist.parse("privat"));
        assertThrows(IllegalArgumentException.class, () -> Allowlist.parse("10.0.0.0/40"));
        assertThrows(IllegalArgumentException.class, () -> Allowlist.parse("http://nvr.lan"));
        assertThrows(IllegalArgumentException.class, () -> Allowlist.parse("a b"));
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }
}

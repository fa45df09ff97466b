package io.facegate.web.usage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientAddressesTest {

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddresses addresses = ClientAddresses.trusting(List.of());
        assertEquals("127.0.0.1", addresses.resolve("127.0.0.1", "203.0.113.7"));
        assertEquals("198.51.100.4", addresses.resolve("198.51.100.4", null));
    }

    @Test
    void aTrustedProxyIsBelievedAndTheChainIsReadFromTheRight() {
        ClientAddresses addresses = ClientAddresses.trusting(List.of("10.0.0.0/8", " 127.0.0.1 ", ""));
        assertEquals("203.0.113.7", addresses.resolve("127.0.0.1", "203.0.113.7"));
        // the client forged the first entry; the last proxy saw 198.51.100.9 connect
        assertEquals("198.51.100.9", addresses.resolve("10.1.2.3", "1.1.1.1, 198.51.100.9, 10.0.0.5"));
        assertEquals("203.0.113.7", addresses.resolve("10.1.2.3", "203.0.113.7:51234"));
        assertEquals("10.0.0.1", addresses.resolve("10.1.2.3", "10.0.0.1"), "only proxies: the farthest one");
    }

    @Test
    void anUntrustedPeerCannotSpoofItsAddress() {
        ClientAddresses addresses = ClientAddresses.trusting(List.of("10.0.0.0/8"));
        assertEquals("198.51.100.4", addresses.resolve("198.51.100.4", "10.0.0.7"));
        assertEquals("11.0.0.1", addresses.resolve("11.0.0.1", "203.0.113.7"), "just outside the /8");
    }

    @Test
    void garbageInTheChainStopsTheWalkWithoutAnyLookup() {
        ClientAddresses addresses = ClientAddresses.trusting(List.of("127.0.0.1"));
        assertEquals("127.0.0.1", addresses.resolve("127.0.0.1", "example.com"));
        assertEquals("127.0.0.1", addresses.resolve("127.0.0.1", "999.1.1.1"));
        assertEquals("127.0.0.1", addresses.resolve("127.0.0.1", "unknown"));
    }

    @Test
    void ipv6RangesAndBracketedHops() {
        ClientAddresses addresses = ClientAddresses.trusting(List.of("::1", "fd00::/8"));
        assertEquals("2001:db8:0:0:0:0:0:1", addresses.resolve("0:0:0:0:0:0:0:1", "[2001:db8::1]:443"));
        assertEquals("2001:db8:0:0:0:0:0:2", addresses.resolve("fd12::7", "2001:db8::2, fd00::1"));
    }

    @Test
    void malformedProxySettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.trusting(List.of("proxy.example.com")));
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.trusting(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.trusting(List.of("10.0.0.0/x")));
    }
}

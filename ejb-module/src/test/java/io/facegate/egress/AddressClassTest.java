package io.facegate.egress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AddressClassTest {

    @ParameterizedTest
    @CsvSource({
            "8.8.8.8, PUBLIC",
            "2606:4700::1111, PUBLIC",
            "10.1.2.3, PRIVATE",
            "172.31.255.255, PRIVATE",
            "172.32.0.1, PUBLIC",
            "192.168.1.100, PRIVATE",
            "100.64.0.1, PRIVATE",
            "fd12:3456::1, PRIVATE",
            "127.0.0.1, LOOPBACK",
            "127.8.9.10, LOOPBACK",
            "::1, LOOPBACK",
            "169.254.1.1, LINK_LOCAL",
            "fe80::1, LINK_LOCAL",
            "169.254.169.254, CLOUD_METADATA",
            "fd00:ec2::254, CLOUD_METADATA",
            "100.100.100.200, CLOUD_METADATA",
            "168.63.129.16, CLOUD_METADATA",
            "0.0.0.0, UNSPECIFIED",
            "0.1.2.3, UNSPECIFIED",
            "::, UNSPECIFIED",
            "224.0.0.251, MULTICAST",
            "ff02::1, MULTICAST",
            "255.255.255.255, RESERVED",
            // IPv6 spellings of IPv4 addresses are judged by the IPv4 address they reach
            "::ffff:169.254.169.254, CLOUD_METADATA",
            "::ffff:127.0.0.1, LOOPBACK",
            "::127.0.0.1, LOOPBACK",
            "64:ff9b::a9fe:a9fe, CLOUD_METADATA",
            "64:ff9b::808:808, PUBLIC",
            "2002:7f00:1::, LOOPBACK",
            "2002:c0a8:101::, PRIVATE",
    })
    void classifiesAddresses(String address, AddressClass expected) throws Exception {
        assertEquals(expected, AddressClass.of(InetAddress.getByName(address)), address);
    }
}

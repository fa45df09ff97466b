package io.facegate.egress;

import io.facegate.system.IpRange;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What an IP address is, as far as connecting to it is concerned. IPv6 forms that carry an IPv4
 * address (mapped, compatible, NAT64, 6to4) are judged by the IPv4 address they reach.
 */
public enum AddressClass {
    PUBLIC(false, "a public address"),
    /** RFC 1918, carrier-grade NAT (100.64/10), IPv6 unique-local and site-local. */
    PRIVATE(false, "a private address"),
    LOOPBACK(false, "a loopback address"),
    /** 169.254/16, fe80::/10: the local link, never a camera's or webhook's routable address. */
    LINK_LOCAL(true, "a link-local address"),
    /** Cloud instance metadata services: credentials of the machine FaceGate runs on. */
    CLOUD_METADATA(true, "a cloud metadata address"),
    /** 0.0.0.0/8 and :: (on Linux, connecting to 0.0.0.0 reaches the machine itself). */
    UNSPECIFIED(true, "an unspecified address"),
    MULTICAST(true, "a multicast address"),
    /** 240.0.0.0/4, the broadcast address among them. */
    RESERVED(true, "a reserved address");

    private static final List<IpRange> METADATA = ranges(
            "169.254.169.254", "169.254.169.253", "169.254.170.2", // AWS, GCP, Azure IMDS; AWS DNS; ECS task metadata
            "fd00:ec2::254", "fd00:ec2::253",                       // AWS IMDS and DNS over IPv6
            "100.100.100.200",                                      // Alibaba Cloud
            "168.63.129.16",                                        // Azure wire server
            "192.0.0.192");                                         // Oracle Cloud
    private static final List<IpRange> PRIVATE_RANGES = ranges(
            "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7", "fec0::/10");
    private static final List<IpRange> LINK_LOCAL_RANGES = ranges("169.254.0.0/16", "fe80::/10");
    private static final List<IpRange> LOOPBACK_RANGES = ranges("127.0.0.0/8", "::1/128");
    private static final List<IpRange> UNSPECIFIED_RANGES = ranges("0.0.0.0/8", "::/128");
    private static final List<IpRange> MULTICAST_RANGES = ranges("224.0.0.0/4", "ff00::/8");
    private static final List<IpRange> RESERVED_RANGES = ranges("240.0.0.0/4");
    private static final IpRange IPV4_COMPATIBLE = IpRange.parse("::/96");
    private static final IpRange NAT64 = IpRange.parse("64:ff9b::/96");
    private static final IpRange SIX_TO_FOUR = IpRange.parse("2002::/16");

    private final boolean never;
    private final String description;

    AddressClass(boolean never, String description) {
        this.never = never;
        this.description = description;
    }

    /** "a loopback address", for messages. */
    public String description() {
        return description;
    }

    /** Whether FaceGate refuses to connect to such an address whatever the operator allows. */
    public boolean never() {
        return never;
    }

    /** The snake_case name used as the refusal's reason. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AddressClass of(InetAddress address) {
        InetAddress reached = embeddedIpv4(address);
        if (in(METADATA, reached)) {
            return CLOUD_METADATA;
        }
        if (in(UNSPECIFIED_RANGES, reached)) {
            return UNSPECIFIED;
        }
        if (in(LOOPBACK_RANGES, reached)) {
            return LOOPBACK;
        }
        if (in(LINK_LOCAL_RANGES, reached)) {
            return LINK_LOCAL;
        }
        if (in(MULTICAST_RANGES, reached)) {
            return MULTICAST;
        }
        if (in(RESERVED_RANGES, reached)) {
            return RESERVED;
        }
        return in(PRIVATE_RANGES, reached) ? PRIVATE : PUBLIC;
    }

    /**
     * The IPv4 address an IPv6 address stands for, or the address itself. The JDK already turns
     * ::ffff:a.b.c.d into an IPv4 address; the other forms are decoded here.
     */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        int offset;
        if (NAT64.contains(address) || isCompatible(address, bytes)) {
            offset = 12;
        } else if (SIX_TO_FOUR.contains(address)) {
            offset = 2;
        } else {
            return address;
        }
        try {
            return Inet4Address.getByAddress(new byte[]{bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ::a.b.c.d, but not :: and ::1, which are IPv6's own. */
    private static boolean isCompatible(InetAddress address, byte[] bytes) {
        if (!IPV4_COMPATIBLE.contains(address)) {
            return false;
        }
        return Integer.compareUnsigned(ByteBuffer.wrap(bytes, 12, 4).getInt(), 1) > 0;
    }

    private static boolean in(List<IpRange> ranges, InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static List<IpRange> ranges(String... entries) {
        return Arrays.stream(entries).map(IpRange::parse).toList();
    }
}

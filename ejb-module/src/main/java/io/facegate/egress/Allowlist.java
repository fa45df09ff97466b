package io.facegate.egress;

import io.facegate.system.IpRange;

import java.net.IDN;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where one kind of target may connect, as the operator wrote it: comma-separated entries, each
 * an address class ({@code public}, {@code private}, {@code loopback}), an IP address or CIDR range,
 * or a host name with a dot ({@code nvr.lan}, or {@code *.cams.example.com} for its subdomains). A connection
 * is allowed when any entry allows it; link-local, cloud metadata, unspecified, multicast and
 * reserved addresses are refused whatever the list says.
 */
public final class Allowlist {

    /** At least two labels: a single word is more likely a misspelt address class than a host. */
    private static final Pattern HOST_NAME = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+\\.?");
    private static final Set<AddressClass> NAMEABLE = EnumSet.of(AddressClass.PUBLIC, AddressClass.PRIVATE, AddressClass.LOOPBACK);

    private final Set<AddressClass> classes;
    private final List<IpRange> ranges;
    private final List<String> hosts;
    private final String text;

    private Allowlist(Set<AddressClass> classes, List<IpRange> ranges, List<String> hosts, String text) {
        this.classes = classes;
        this.ranges = ranges;
        this.hosts = hosts;
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException naming the entry that is none of the accepted forms
     */
    public static Allowlist parse(String setting) {
        Set<AddressClass> classes = EnumSet.noneOf(AddressClass.class);
        List<IpRange> ranges = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String raw : setting.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            AddressClass named = NAMEABLE.stream().filter(c -> c.code().equals(entry)).findFirst().orElse(null);
            if (named != null) {
                classes.add(named);
            } else if (entry.indexOf(':') >= 0 || entry.indexOf('/') >= 0 || IpRange.literal(entry).isPresent()) {
                ranges.add(IpRange.parse(entry));
            } else if (HOST_NAME.matcher(entry).matches()) {
                hosts.add(normalisedHost(entry));
            } else {
                throw new IllegalArgumentException("not public, private, loopback, an IP address, a CIDR range or a host name: " + raw.strip());
            }
        }
        return new Allowlist(classes, List.copyOf(ranges), List.copyOf(hosts), setting.strip());
    }

    /**
     * Whether a connection to {@code host} at {@code address} is allowed.
     *
     * @param host the host name of the URL (or the literal address)
     */
    public boolean permits(String host, InetAddress address) {
        AddressClass kind = AddressClass.of(address);
        if (kind.never()) {
            return false;
        }
        return classes.contains(kind)
                || ranges.stream().anyMatch(range -> range.contains(address))
                || permitsHostName(host);
    }

    /** Whether the operator named this host (or a parent domain with {@code *.}) outright. */
    public boolean permitsHostName(String host) {
        if (host == null || hosts.isEmpty()) {
            return false;
        }
        String name = normalisedHost(host);
        return hosts.stream().anyMatch(allowed -> allowed.startsWith("*.")
                ? name.endsWith(allowed.substring(1))
                : name.equals(allowed));
    }

    private static String normalisedHost(String host) {
        String lower = IDN.toASCII(host.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    @Override
    public String toString() {
        return text;
    }
}

package io.facegate.web.usage;

import io.facegate.system.IpRange;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The address a call came from. {@code X-Forwarded-For} is believed only when the connection comes
 * from a configured trusted proxy (none by default, since anyone can send the header): then the
 * header is read from the right, skipping trusted proxies, and the first other address is the
 * client. Only IP literals count, so nothing here ever triggers a DNS lookup.
 */
public final class ClientAddresses {

    private final List<IpRange> trustedProxies;

    private ClientAddresses(List<IpRange> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /**
     * @param proxies IP addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8})
     * @throws IllegalArgumentException for an entry that is neither
     */
    public static ClientAddresses trusting(List<String> proxies) {
        List<IpRange> ranges = new ArrayList<>();
        for (String proxy : proxies) {
            if (!proxy.isBlank()) {
                ranges.add(IpRange.parse(proxy.strip()));
            }
        }
        return new ClientAddresses(List.copyOf(ranges));
    }

    /**
     * @param remoteAddress the peer of the TCP connection
     * @param forwardedFor  the {@code X-Forwarded-For} header, may be null
     */
    public String resolve(String remoteAddress, String forwardedFor) {
        if (forwardedFor == null || !isTrusted(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        String client = remoteAddress;
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpRange.literal(withoutPort(hops[i].strip()));
            if (hop.isEmpty()) {
                // A forged or garbled entry: the last good address is as far as the chain can be believed.
                return client;
            }
            client = hop.get().getHostAddress();
            if (!isTrusted(hop.get())) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return IpRange.literal(address).map(this::isTrusted).orElse(false);
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private static String withoutPort(String hop) {
        if (hop.startsWith("[") && hop.contains("]")) {
            return hop.substring(1, hop.indexOf(']'));
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }
}

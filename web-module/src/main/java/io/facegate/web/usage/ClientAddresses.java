package io.facegate.web.usage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address a call came from. {@code X-Forwarded-For} is believed only when the connection comes
 * from a configured trusted proxy (none by default, since anyone can send the header): then the
 * header is read from the right, skipping trusted proxies, and the first other address is the
 * client. Only IP literals count, so nothing here ever triggers a DNS lookup.
 */
public final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.]+)?");

    private final List<Range> trustedProxies;

    private ClientAddresses(List<Range> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /**
     * @param proxies IP addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8})
     * @throws IllegalArgumentException for an entry that is neither
     */
    public static ClientAddresses trusting(List<String> proxies) {
        List<Range> ranges = new ArrayList<>();
        for (String proxy : proxies) {
            if (!proxy.isBlank()) {
                ranges.add(Range.parse(proxy.strip()));
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
            Optional<InetAddress> hop = literal(withoutPort(hops[i].strip()));
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
        return literal(address).map(this::isTrusted).orElse(false);
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

    /** An IP literal, or empty; IPv4 is parsed here because the JDK would resolve "999.1.1.1" by DNS. */
    static Optional<InetAddress> literal(String text) {
        try {
            if (text != null && IPV4.matcher(text).matches()) {
                String[] parts = text.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            // With a colon the JDK parses an IPv6 literal and never looks the text up.
            return text != null && IPV6.matcher(text).matches() ? Optional.of(InetAddress.getByName(text)) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private record Range(byte[] network, int prefixLength) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            byte[] network = literal(address)
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR range: " + text))
                    .getAddress();
            int bits = network.length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + text, e);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix length out of range: " + text);
            }
            return new Range(network, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixLength; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}

package io.facegate.egress;

import io.facegate.system.IpRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decides where FaceGate may connect on a client's behalf (camera streams, webhooks): a URL's
 * scheme when it is saved, and the resolved address every time a connection is made, so that a
 * name that later resolves elsewhere (DNS rebinding) is refused at connect time. Connections go to
 * exactly the addresses checked here: through {@link #httpClient}'s resolver for HTTP, and through
 * {@link #pin} for clients that resolve on their own (FFmpeg).
 */
@ApplicationScoped
public class EgressPolicy {

    /** Host name to addresses; the system resolver in production. */
    @FunctionalInterface
    public interface NameResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    @Inject
    EgressSettings settings;

    private final NameResolver names;

    public EgressPolicy() {
        this.names = InetAddress::getAllByName;
    }

    /** A policy outside the container (tests), with its own resolver. */
    public EgressPolicy(EgressSettings settings, NameResolver names) {
        this.settings = settings;
        this.names = names;
    }

    /**
     * Checks a URL a client gave for {@code target}: the scheme, and the host's addresses when they
     * can be resolved now (a name that does not resolve yet is checked when connecting).
     *
     * @throws io.facegate.system.FaceGateException 422 {@code egress_refused} with the reason
     */
    public URI checkUrl(EgressTarget target, String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw invalidUrl(target, "not a valid URL: " + e.getMessage()).unprocessable();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!target.schemes().contains(scheme)) {
            throw new EgressRefusedException(target, null, null, "scheme", target.label() + " URLs must start with "
                    + String.join(", ", target.schemes().stream().map(s -> s + "://").toList())
                    + (scheme.isEmpty() ? "" : "; " + scheme + " is not allowed")).unprocessable();
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalidUrl(target, target.label() + " URL has no valid host name: " + uri.getRawAuthority()).unprocessable();
        }
        try {
            resolve(target, uri.getHost());
        } catch (EgressRefusedException e) {
            throw e.unprocessable();
        } catch (UnknownHostException e) {
            // Not resolvable from here now (a camera's LAN name, a host still being set up): judged at connect time.
        }
        return uri;
    }

    /**
     * The addresses {@code host} resolves to now that {@code target} may connect to, in the resolver's order.
     *
     * @throws EgressRefusedException when it resolves only to addresses the policy refuses
     * @throws UnknownHostException   when it does not resolve
     */
    public List<InetAddress> resolve(EgressTarget target, String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = IpRange.literal(bare).map(a -> new InetAddress[]{a}).orElse(null);
        if (addresses == null) {
            addresses = names.resolve(bare);
        }
        Allowlist allowlist = settings.allowlist(target);
        List<InetAddress> allowed = Arrays.stream(addresses).filter(a -> allowlist.permits(bare, a)).toList();
        if (allowed.isEmpty()) {
            throw refused(target, bare, addresses[0]);
        }
        return allowed;
    }

    /**
     * {@code uri} with its host replaced by the first address the policy allows, for clients that
     * would otherwise resolve the name themselves (and could get another answer).
     */
    public URI pin(EgressTarget target, URI uri) throws UnknownHostException {
        InetAddress address = resolve(target, uri.getHost()).get(0);
        String literal = address.getHostAddress();
        try {
            return new URI(uri.getScheme(), uri.getRawUserInfo() == null ? null : uri.getUserInfo(),
                    address instanceof Inet6Address ? "[" + literal + "]" : literal,
                    uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a checked URL could not be rebuilt: " + e.getMessage(), e);
        }
    }

    /**
     * An HTTP client builder for {@code target}: connects only to addresses the policy allows
     * (checked when each connection is made), follows no redirect, retries nothing, keeps no
     * cookies, uses no proxy from system properties, and never waits longer than the timeouts.
     * Callers add credentials and build it.
     */
    public HttpClientBuilder httpClient(EgressTarget target, Duration connectTimeout, Duration readTimeout) {
        return httpClient(target, connectTimeout, readTimeout, PoolingHttpClientConnectionManagerBuilder.create());
    }

    /**
     * The same, with at most {@code maxConnections} open at once, to one host as to all: for
     * callers that send to many hosts, or to one host in parallel, at once (webhooks).
     */
    public HttpClientBuilder httpClient(EgressTarget target, Duration connectTimeout, Duration readTimeout, int maxConnections) {
        return httpClient(target, connectTimeout, readTimeout, PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections));
    }

    private HttpClientBuilder httpClient(EgressTarget target, Duration connectTimeout, Duration readTimeout,
                                         PoolingHttpClientConnectionManagerBuilder pool) {
        return HttpClients.custom()
                .setConnectionManager(pool
                        .setDnsResolver(dnsResolver(target))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement();
    }

    DnsResolver dnsResolver(EgressTarget target) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return EgressPolicy.this.resolve(target, host).toArray(InetAddress[]::new);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                // Only for Kerberos service names, which FaceGate never uses: no lookup.
                return host;
            }
        };
    }

    private EgressRefusedException refused(EgressTarget target, String host, InetAddress address) {
        AddressClass kind = AddressClass.of(address);
        String literal = address.getHostAddress();
        String subject = host.equalsIgnoreCase(literal) ? literal : host + " (" + literal + ")";
        String message = kind.never()
                ? subject + " is " + kind.description() + ", which FaceGate never connects to"
                : subject + " is " + kind.description() + ", which " + target.label() + " URLs may not reach under the operator's"
                + " allowlist \"" + settings.allowlist(target) + "\" (" + target.variable() + ")";
        return new EgressRefusedException(target, host, literal, kind.code(), message);
    }

    private static EgressRefusedException invalidUrl(EgressTarget target, String message) {
        return new EgressRefusedException(target, null, null, "invalid_url", message);
    }
}

package io.facegate.egress;

import com.sun.net.httpserver.HttpServer;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EgressPolicyTest {

    /** Answers for host names, consumed in order (the last one repeats): a DNS server the test controls. */
    private final Map<String, Deque<String>> dns = Map.of(
            "cam.lan", new ArrayDeque<>(List.of("192.168.1.100")),
            "rebind.example", new ArrayDeque<>(List.of("127.0.0.1", "169.254.169.254")),
            "loop.example", new ArrayDeque<>(List.of("127.0.0.1")),
            "mixed.example", new ArrayDeque<>(List.of("127.0.0.1")));
    private final EgressPolicy.NameResolver names = host -> {
        Deque<String> answers = dns.get(host);
        if (answers == null) {
            throw new UnknownHostException(host);
        }
        String answer = answers.size() > 1 ? answers.poll() : answers.peek();
        return new InetAddress[]{InetAddress.getByName(answer)};
    };

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            if (exchange.getRequestURI().getPath().equals("/moved")) {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void camerasReachPrivateAndPublicAddressesByDefaultButNotLoopback() {
        EgressPolicy policy = policy(Map.of());
        assertEquals("rtsp", policy.checkUrl(EgressTarget.CAMERA, "rtsp://192.168.1.101:554/stream").getScheme());
        policy.checkUrl(EgressTarget.CAMERA, "http://cam.lan:81/stream");
        policy.checkUrl(EgressTarget.CAMERA, "https://8.8.8.8/capture");
        FaceGateException loopback = refusal(policy, EgressTarget.CAMERA, "http://127.0.0.1:81/stream");
        assertEquals("loopback", loopback.details().get("reason"));
        assertTrue(loopback.getMessage().contains("FACEGATE_EGRESS_CAMERA_ALLOW"), loopback.getMessage());
        assertEquals("loopback", refusal(policy, EgressTarget.CAMERA, "http://loop.example/").details().get("reason"));
        assertEquals("loopback", refusal(policy, EgressTarget.CAMERA, "http://[::1]:81/").details().get("reason"));
    }

    @Test
    void theOperatorCanAllowLoopbackForCameras() {
        EgressPolicy policy = policy(Map.of(EgressTarget.CAMERA, "private,public,loopback"));
        policy.checkUrl(EgressTarget.CAMERA, "http://127.0.0.1:81/stream");
        policy.checkUrl(EgressTarget.CAMERA, "http://loop.example/");
        assertEquals("loopback", refusal(policy, EgressTarget.WEBHOOK, "http://127.0.0.1/hook").details().get("reason"),
                "each kind of target has its own list");
    }

    @Test
    void webhooksReachPublicAddressesOnlyByDefault() {
        EgressPolicy policy = policy(Map.of());
        policy.checkUrl(EgressTarget.WEBHOOK, "https://8.8.8.8/hook");
        assertEquals("private", refusal(policy, EgressTarget.WEBHOOK, "https://cam.lan/hook").details().get("reason"));
        assertEquals("private", refusal(policy, EgressTarget.WEBHOOK, "http://10.0.0.1/hook").details().get("reason"));
        policy(Map.of(EgressTarget.WEBHOOK, "public, 10.0.0.0/8")).checkUrl(EgressTarget.WEBHOOK, "http://10.0.0.1/hook");
    }

    @Test
    void linkLocalAndMetadataAreRefusedWhateverTheOperatorAllows() {
        EgressPolicy policy = policy(Map.of(EgressTarget.CAMERA, "0.0.0.0/0, ::/0, loopback"));
        FaceGateException metadata = refusal(policy, EgressTarget.CAMERA, "http://169.254.169.254/latest/meta-data/");
        assertEquals(ErrorKind.UNPROCESSABLE, metadata.kind());
        assertEquals("egress_refused", metadata.code());
        assertEquals("cloud_metadata", metadata.details().get("reason"));
        assertTrue(metadata.getMessage().contains("never"), metadata.getMessage());
        assertEquals("cloud_metadata", refusal(policy, EgressTarget.CAMERA, "http://[fd00:ec2::254]/").details().get("reason"));
        assertEquals("cloud_metadata", refusal(policy, EgressTarget.CAMERA, "http://[::ffff:169.254.169.254]/").details().get("reason"));
        assertEquals("link_local", refusal(policy, EgressTarget.CAMERA, "http://169.254.3.4/").details().get("reason"));
        assertEquals("unspecified", refusal(policy, EgressTarget.CAMERA, "http://0.0.0.0:81/").details().get("reason"));
    }

    @Test
    void onlyHttpHttpsAndForCamerasRtspSchemes() {
        EgressPolicy policy = policy(Map.of());
        for (String url : new String[]{"ftp://cam.lan/x", "file:///etc/passwd", "gopher://cam.lan/", "cam.lan:81/stream", ""}) {
            assertEquals("scheme", refusal(policy, EgressTarget.CAMERA, url).details().get("reason"), url);
        }
        assertEquals("scheme", refusal(policy, EgressTarget.WEBHOOK, "rtsp://8.8.8.8/").details().get("reason"));
        assertEquals("invalid_url", refusal(policy, EgressTarget.CAMERA, "http://my_cam/stream").details().get("reason"));
        assertEquals("invalid_url", refusal(policy, EgressTarget.CAMERA, "http://cam lan/").details().get("reason"));
    }

    @Test
    void aNameThatDoesNotResolveYetIsJudgedWhenConnecting() {
        EgressPolicy policy = policy(Map.of());
        policy.checkUrl(EgressTarget.CAMERA, "http://not-yet.lan:81/stream");
        assertThrows(UnknownHostException.class, () -> policy.resolve(EgressTarget.CAMERA, "not-yet.lan"));
    }

    @Test
    void theAddressIsCheckedAtConnectTimeSoRebindingIsRefused() throws Exception {
        EgressPolicy policy = policy(Map.of(EgressTarget.CAMERA, "loopback"));
        int port = server.getAddress().getPort();
        // Saved while the name pointed at an allowed address...
        policy.checkUrl(EgressTarget.CAMERA, "http://rebind.example:" + port + "/capture");
        // ...then the name moves to the metadata service: the connection is never made.
        try (CloseableHttpClient client = policy.httpClient(EgressTarget.CAMERA, Duration.ofSeconds(2), Duration.ofSeconds(2)).build()) {
            EgressRefusedException refused = assertThrows(EgressRefusedException.class,
                    () -> client.execute(new HttpGet("http://rebind.example:" + port + "/capture"), this::status));
            assertEquals("cloud_metadata", refused.reason());
            assertEquals(0, requests.get());
            assertEquals(204, client.execute(new HttpGet("http://loop.example:" + port + "/capture"), this::status));
            assertEquals(1, requests.get());
        }
    }

    @Test
    void literalAddressesAreCheckedAtConnectTimeToo() throws Exception {
        EgressPolicy policy = policy(Map.of());
        int port = server.getAddress().getPort();
        try (CloseableHttpClient client = policy.httpClient(EgressTarget.CAMERA, Duration.ofSeconds(2), Duration.ofSeconds(2)).build()) {
            EgressRefusedException refused = assertThrows(EgressRefusedException.class,
                    () -> client.execute(new HttpGet("http://127.0.0.1:" + port + "/"), this::status));
            assertEquals("loopback", refused.reason());
            assertEquals(0, requests.get());
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        EgressPolicy policy = policy(Map.of(EgressTarget.CAMERA, "loopback"));
        int port = server.getAddress().getPort();
        try (CloseableHttpClient client = policy.httpClient(EgressTarget.CAMERA, Duration.ofSeconds(2), Duration.ofSeconds(2)).build()) {
            assertEquals(302, client.execute(new HttpGet("http://127.0.0.1:" + port + "/moved"), this::status));
            assertEquals(1, requests.get());
        }
    }

    @Test
    void pinningReplacesTheNameWithTheCheckedAddress() throws Exception {
        EgressPolicy policy = policy(Map.of(EgressTarget.CAMERA, "private, loopback"));
        assertEquals(URI.create("rtsp://admin:secret@192.168.1.100:554/stream?channel=1"),
                policy.pin(EgressTarget.CAMERA, URI.create("rtsp://admin:secret@cam.lan:554/stream?channel=1")));
        assertEquals(URI.create("rtsp://[0:0:0:0:0:0:0:1]:8554/live"), policy.pin(EgressTarget.CAMERA, URI.create("rtsp://[::1]:8554/live")));
        policy.pin(EgressTarget.CAMERA, URI.create("rtsp://rebind.example/"));
        assertThrows(EgressRefusedException.class, () -> policy.pin(EgressTarget.CAMERA, URI.create("rtsp://rebind.example/")));
    }

    private int status(ClassicHttpResponse response) {
        return response.getCode();
    }

    private EgressPolicy policy(Map<EgressTarget, String> lists) {
        return new EgressPolicy(new EgressSettings(lists), names);
    }

    private static FaceGateException refusal(EgressPolicy policy, EgressTarget target, String url) {
        return assertThrows(FaceGateException.class, () -> policy.checkUrl(target, url), url);
    }
}

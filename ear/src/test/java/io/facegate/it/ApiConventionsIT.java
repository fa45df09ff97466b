package io.facegate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Errors are JSON with the right 4xx, paths work with and without '/', docs and health answer, and
 * /metrics and MicroProfile Health only on the loopback operations listener.
 */
@Order(4)
@ExtendWith(FaceGateServer.class)
class ApiConventionsIT {

    private static Api client;

    @BeforeAll
    static void login() {
        client = Tenants.create("Conventions Co").api();
    }

    @Test
    void malformedJsonIsA400() {
        Api.Reply reply = client.post("/api/clients/users/", "{\"external_user_id\": ");
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("invalid_json", reply.json().getString("error"));
        assertEquals(400, Api.anonymous().post("/api/core/auth/client/", "[1,2]").status());
        assertEquals(400, client.post("/api/clients/users/", "{\"metadata\": \"not an object\", \"external_user_id\":\"x\"}").status());
    }

    @Test
    void typedBodiesRefuseWrongTypesAndSayWhichField() {
        Api client = Tenants.create("Typed Bodies Co").api();
        Api operator = Api.bearer(Tenants.adminToken());
        String id = operator.create("/api/core/clients/", "{\"name\": \"Typed Co\"}").getString("id");
        for (String value : new String[]{"1", "1.5", "\"yes please\"", "\"false\""}) {
            Api.Reply reply = operator.patch("/api/core/clients/" + id + "/", "{\"is_active\": " + value + "}");
            assertEquals(400, reply.status(), value + " " + reply);
            assertEquals("invalid_is_active", reply.json().getString("error"), reply::toString);
        }
        assertEquals("active", operator.get("/api/core/clients/" + id + "/").json().getString("status"), "no wrong value disabled it");
        Api.Reply longName = client.post("/api/clients/users/", "{\"external_user_id\": \"long\", \"display_name\": \"" + "n".repeat(256) + "\"}");
        assertEquals(400, longName.status(), longName::toString);
        assertEquals("invalid_display_name", longName.json().getString("error"));
        assertTrue(longName.json().getJsonObject("details").getJsonObject("fields").containsKey("display_name"), longName::toString);
        Api.Reply missing = client.post("/api/clients/users/", "{\"display_name\": \"No Id\"}");
        assertEquals("missing_external_user_id", missing.json().getString("error"), missing::toString);
        assertEquals(400, client.get("/api/clients/users/?limit=ten").status(), "a paging value that is no number is a 400, not a 404");
        assertEquals(400, client.get("/api/clients/users/?is_enrolled=yes").status());
        assertEquals(400, client.get("/api/clients/users/?search=a%00b").status(), "NUL never reaches the database");
    }

    @Test
    void concurrentEditsApplyOneAfterTheOtherNever500() throws Exception {
        Api client = Tenants.create("Concurrent Edits Co").api();
        Api operator = Api.bearer(Tenants.adminToken());
        String clientId = operator.create("/api/core/clients/", "{\"name\": \"Contended Co\"}").getString("id");
        String userId = client.create("/api/clients/users/", "{\"external_user_id\": \"contended\"}").getString("id");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int n = i;
                answers.add(pool.submit(() -> operator.patch("/api/core/clients/" + clientId + "/", "{\"name\": \"Contended " + n + "\"}").status()));
                answers.add(pool.submit(() -> client.patch("/api/clients/users/" + userId + "/", "{\"display_name\": \"Name " + n + "\"}").status()));
            }
            for (Future<Integer> answer : answers) {
                int status = answer.get(60, TimeUnit.SECONDS);
                assertTrue(status == 200 || status == 409, "a concurrent edit answered " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(operator.get("/api/core/clients/" + clientId + "/").json().getString("name").startsWith("Contended "));
        assertTrue(client.get("/api/clients/users/" + userId + "/").json().getString("display_name").startsWith("Name "));
    }

    @Test
    void oversizedBodiesAreRefusedBeforeBeingRead() throws Exception {
        // Send 13 MiB from another thread; the server may answer and close before reading it all.
        try (Socket socket = new Socket("127.0.0.1", FaceGateServer.HTTP_PORT)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            byte[] body = new byte[13 * 1024 * 1024];
            java.util.Arrays.fill(body, (byte) ' ');
            Thread writer = new Thread(() -> {
                try {
                    out.write(("POST /api/core/auth/client/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                } catch (java.io.IOException closedEarly) {
                    // the server refused the body and closed the connection: expected
                }
            });
            writer.start();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            writer.join(30_000);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("\"error\":\"payload_too_large\""), response);
        }
    }

    @Test
    void wrongMethodsTypesAndPathsAreJsonErrors() {
        Api.Reply unknown = client.get("/api/no/such/thing/");
        assertEquals(404, unknown.status());
        assertEquals("not_found", unknown.json().getString("error"));
        Api.Reply outside = Api.anonymous().get("/no-such-page");
        assertEquals(404, outside.status());
        assertTrue(outside.contentType().startsWith("application/json"), outside::toString);
        Api.Reply method = client.delete("/api/clients/users/");
        assertEquals(405, method.status());
        assertEquals("method_not_allowed", method.json().getString("error"));
        Api.Reply type = client.post("/api/clients/users/", "x".getBytes(), "text/plain");
        assertEquals(415, type.status());
        assertEquals("unsupported_media_type", type.json().getString("error"));
        assertEquals(400, client.get("/api/clients/users/?limit=100000").status());
    }

    @Test
    void pathsWorkWithAndWithoutTrailingSlash() {
        assertEquals(200, client.get("/api/clients/users").status());
        assertEquals(200, client.get("/api/clients/users/").status());
        assertEquals(200, Api.anonymous().get("/api/system/health").status());
    }

    @Test
    void listsArePagedWithLinks() {
        for (int i = 0; i < 3; i++) {
            client.post("/api/clients/users/", "{\"external_user_id\":\"page-" + i + "\"}");
        }
        JsonObject first = client.get("/api/clients/users/?limit=2").json();
        assertEquals(3, first.getInt("count"));
        assertEquals(2, first.getJsonArray("results").size());
        assertTrue(first.isNull("previous"));
        String next = first.getString("next");
        JsonObject second = client.get(next.substring(next.indexOf("/api/"))).json();
        assertEquals(1, second.getJsonArray("results").size());
        assertTrue(second.isNull("next"));
    }

    @Test
    void healthReportsDatabaseAndObjectStorage() {
        JsonObject health = Api.anonymous().get("/api/system/health/").json();
        assertEquals("healthy", health.getString("status"));
        assertEquals("healthy", health.getJsonObject("services").getJsonObject("database").getString("status"));
        assertEquals("healthy", health.getJsonObject("services").getJsonObject("object_storage").getString("status"));
        Api.Reply ready = Api.operations().get("/health/ready");
        assertEquals(200, ready.status(), ready::toString);
        assertEquals("UP", ready.json().getString("status"));
        assertEquals(200, Api.operations().get("/health/live").status());
    }

    @Test
    void metricsAndMicroProfileHealthAreServedOnlyOnTheLoopbackOperationsListener() throws Exception {
        for (String path : new String[]{"/metrics", "/metrics/base", "/health", "/health/ready", "/health/live"}) {
            Api.Reply outside = Api.anonymous().get(path);
            assertEquals(404, outside.status(), path + " " + outside);
            assertEquals("not_found", outside.json().getString("error"), path);
        }
        assertTrue(FaceGateServer.operationsBaseUrl().startsWith("http://127.0.0.1:"), FaceGateServer.operationsBaseUrl());
        Api.Reply metrics = Api.operations().get("/metrics");
        assertEquals(200, metrics.status(), metrics::toString);
        assertTrue(metrics.body().contains("# TYPE "), "Prometheus text expected");
        String checks = Api.operations().get("/health/ready").json().getJsonArray("checks").toString();
        for (String check : new String[]{"face-engine", "frame-worker", "usage-tracking"}) {
            assertTrue(checks.contains("\"" + check + "\""), check + " in " + checks);
        }
        // FaceGate itself is deployed to the public virtual server only.
        assertEquals(404, Api.operations().get("/api/system/health/").status());

        // Payara maps a Host header naming the operations virtual server on the public listener too:
        // it answers an empty 200 there, never the endpoints' content.
        String spoofed = rawGet(FaceGateServer.HTTP_PORT, "/health/ready", "operations");
        assertFalse(spoofed.contains("checks") || spoofed.contains("# TYPE"), spoofed);

        int operationsPort = URI.create(FaceGateServer.operationsBaseUrl()).getPort();
        Optional<InetAddress> external = nonLoopbackAddress();
        if (external.isPresent()) {
            try (Socket ignored = new Socket(external.get(), FaceGateServer.HTTP_PORT)) {
                // the public listener answers on every interface
            }
            assertThrows(ConnectException.class, () -> new Socket(external.get(), operationsPort).close(),
                    "the operations listener must not listen on " + external.get());
        }
    }

    private static String rawGet(int port, String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        return NetworkInterface.networkInterfaces().filter(ApiConventionsIT::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }

    private static boolean isUp(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    @Test
    void openApiDocumentAndSwaggerUiAreServed() {
        Api.Reply yaml = Api.anonymous().get("/api/schema/");
        assertEquals(200, yaml.status(), yaml::toString);
        assertTrue(yaml.body().contains("/api/core/auth/client"));
        JsonObject json = Api.anonymous().header("Accept", "application/json").get("/api/schema/").json();
        assertTrue(json.getJsonObject("paths").containsKey("/api/clients/users"));
        String tags = json.getJsonArray("tags").toString();
        for (String tag : new String[]{"Authentication", "Client Management", "Face Enrollment", "Face Authentication",
                "System", "Analytics", "Webhooks", "Legacy Recognition"}) {
            assertTrue(tags.contains(tag), tag);
        }
        assertEquals(200, Api.anonymous().get("/openapi").status());
        Api.Reply ui = Api.anonymous().get("/api/schema/swagger-ui/");
        assertEquals(200, ui.status());
        assertTrue(ui.body().contains("swagger-ui"));
        assertEquals(200, Api.anonymous().get("/api/schema/swagger-ui/swagger-ui-bundle.js").status());
        assertEquals(301, Api.anonymous().get("/api/schema/swagger-ui").status());
    }
}

package io.facegate.it;

import io.facegate.cameras.Esp32Emulator;
import io.facegate.it.OpenApiOperations.Operation;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the served OpenAPI document, called as every kind of caller: without
 * credentials (401), with a browser token or a client's token where its security does not take them
 * (403), and, for every operation with a path parameter, by another tenant with the owner's real ids,
 * which must read exactly like random unknown ids (404). Operations added later are covered without
 * editing this test; an owner's id this test cannot find (no example to create one, no listing to
 * read it from) fails it, naming the operation. What only the server makes is made the real way:
 * the owner's detections come from a camera pointed at an emulated ESP32 playing a real clip.
 */
@ExtendWith(FaceGateServer.class)
class OperationsMatrixIT {

    private static List<Operation> operations;
    private static Api owner;
    private static Api stranger;
    private static Api browser;
    private static Api operator;

    @BeforeAll
    static void twoTenantsWithData() throws Exception {
        operations = OpenApiOperations.all();
        Tenants.Tenant ownerTenant = Tenants.create("Matrix Owner");
        Tenants.Tenant strangerTenant = Tenants.create("Matrix Stranger");
        owner = ownerTenant.api();
        stranger = strangerTenant.api();
        browser = Api.bearer(Api.anonymous().post("/api/auth/client/", "{\"api_key\":\"" + strangerTenant.apiKey() + "\"}")
                .json().getString("jwt_token"));
        operator = Api.bearer(Tenants.adminToken());
        // The owner creates one of everything the document shows how to create; what needs another
        // resource first (an enrollment needs its person) is tried again once the others exist.
        List<Operation> creations = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation.method().equals("POST") && operation.pathParameters().isEmpty() && operation.forClients()
                    && operation.example() != null) {
                creations.add(operation);
            }
        }
        for (int pass = 0; pass < 2 && !creations.isEmpty(); pass++) {
            creations.removeIf(operation -> owner.post(operation.path() + "/", operation.example().toString()).status() < 300);
        }
        // Webhook deliveries are written by facts, not by a POST: a test ping of each of the owner's webhooks writes one.
        listedIds("/api/webhooks/").forEach(webhook -> owner.post("/api/webhooks/" + webhook + "/test/", ""));
        seeAFaceOnACamera();
    }

    /** One detection of the owner's: a face seen by a camera, recognised as no one (nobody is enrolled). */
    private static void seeAFaceOnACamera() throws Exception {
        try (Esp32Emulator camera = new Esp32Emulator(BlinkPerson.FRAMES)) {
            camera.play(BlinkPerson.FRAMES, true);
            owner.create("/api/v1/cameras/", "{\"id\": \"MATRIX-CAM\", \"name\": \"Matrix\", \"stream_url\": \"" + camera.streamUrl() + "\"}");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (owner.get("/api/v1/detections/").json().getInt("count") == 0) {
                assertTrue(System.nanoTime() < deadline, "the owner's camera made no detection within 30 s");
                Thread.sleep(250);
            }
            // Stopped, not deleted: a camera's detections go with it.
            owner.patch("/api/v1/cameras/MATRIX-CAM/", "{\"is_active\": false}");
        }
    }

    @Test
    void everyOperationNeedingCredentialsRefusesACallWithout() {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation.anonymous()) {
                continue;
            }
            Api.Reply reply = call(Api.anonymous(), operation, placeholders(operation));
            if (reply.status() != 401 || !reply.contentType().startsWith("application/json")
                    || !reply.raw().headers().firstValue("WWW-Authenticate").isPresent()) {
                wrong.add(operation + " -> " + reply);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void browserTokensAndClientTokensReachOnlyTheOperationsTheirScopeAllows() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Operation operation : operations) {
            if (operation.anonymous()) {
                continue;
            }
            checked++;
            expectScope(wrong, operation, "browser token", browser, operation.forBrowsers());
            expectScope(wrong, operation, "client token", stranger, operation.forClients());
            expectScope(wrong, operation, "operator token", operator, operation.schemes().contains(OpenApiOperations.OPERATOR_TOKEN));
        }
        System.out.println("OperationsMatrixIT: " + checked + " operations needing credentials, each called with a browser, a client "
                + "and an operator token");
        assertTrue(checked >= 20, "only " + checked + " operations need credentials");
        assertEquals(List.of(), wrong);
    }

    /** An allowed caller is never refused for its scope (any other answer is the operation's own business). */
    private static void expectScope(List<String> wrong, Operation operation, String caller, Api api, boolean allowed) {
        Api.Reply reply = call(api, operation, placeholders(operation));
        boolean forbidden = reply.status() == 403 && "forbidden".equals(reply.json().getString("error", ""));
        if (forbidden == allowed || reply.status() == 401 || reply.status() >= 500) {
            wrong.add(operation + " with a " + caller + (allowed ? " (allowed)" : " (not allowed)") + " -> " + reply);
        }
    }

    @Test
    void anotherTenantsIdsReadExactlyLikeUnknownIds() {
        Map<String, List<String>> ownerIds = new HashMap<>();
        List<String> unresolved = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        for (Operation operation : operations) {
            if (operation.pathParameters().isEmpty() || !operation.forClients()) {
                continue;
            }
            List<String> real = realIds(operation, ownerIds);
            if (real == null) {
                unresolved.add(operation.toString());
                continue;
            }
            List<String> unknown = real.stream().map(OperationsMatrixIT::unknownLike).toList();
            Api.Reply foreign = call(stranger, operation, real);
            Api.Reply missing = call(stranger, operation, unknown);
            statuses.merge(operation.method() + " " + foreign.status(), 1, Integer::sum);
            boolean same = foreign.status() == missing.status()
                    && masked(foreign.body(), real).equals(masked(missing.body(), unknown));
            if (foreign.status() != 404 || !same) {
                leaks.add(operation + ": another tenant's id -> " + foreign + "; an unknown id -> " + missing);
            }
        }
        System.out.println("OperationsMatrixIT: " + operations.size() + " operations; another tenant's ids on "
                + statuses.values().stream().mapToInt(Integer::intValue).sum() + " operations with path ids: " + statuses);
        assertEquals(List.of(), unresolved, "operations whose owner ids this test could not find (add an example to their collection's POST)");
        assertEquals(List.of(), leaks);
        assertTrue(statuses.values().stream().mapToInt(Integer::intValue).sum() >= 5, "too few id operations checked: " + statuses);
    }

    /**
     * Ids of the owner's resources for the operation's path parameters, each read from the listing
     * of the collection it belongs to (the path up to that parameter); null when one is not found.
     */
    private static List<String> realIds(Operation operation, Map<String, List<String>> cache) {
        List<String> values = new ArrayList<>();
        String path = operation.path();
        int from = 0;
        for (String parameter : operation.pathParameters()) {
            int at = path.indexOf("{" + parameter + "}", from);
            String collection = fill(path.substring(0, at), values);
            List<String> ids = cache.computeIfAbsent(collection, OperationsMatrixIT::listedIds);
            if (ids.isEmpty()) {
                return null;
            }
            values.add(ids.get(0));
            from = at;
        }
        return values;
    }

    private static String fill(String prefix, List<String> values) {
        String filled = prefix;
        for (String value : values) {
            filled = filled.replaceFirst("\\{[^}]+}", value);
        }
        return filled;
    }

    private static List<String> listedIds(String collection) {
        Api.Reply reply = owner.get(collection);
        List<String> ids = new ArrayList<>();
        // FaceGate's listings page their items as results; seed 002's Python API lists its users as users.
        if (reply.status() == 200 && reply.structure() instanceof JsonObject page
                && (page.containsKey("results") ? page.get("results") : page.get("users")) instanceof jakarta.json.JsonArray results) {
            for (JsonValue item : results) {
                if (item instanceof JsonObject object && object.get("id") != null && object.get("id") != JsonValue.NULL) {
                    String id = object.get("id") instanceof jakarta.json.JsonString text ? text.getString() : object.get("id").toString();
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static String unknownLike(String real) {
        try {
            UUID.fromString(real);
            return UUID.randomUUID().toString();
        } catch (IllegalArgumentException e) {
            return "UNKNOWN" + Math.abs(real.hashCode());
        }
    }

    /** The body with the ids it may name replaced, so that two refusals compare on everything else. */
    private static String masked(String body, List<String> ids) {
        String masked = body;
        for (String id : ids) {
            masked = masked.replace(id, "<id>");
        }
        return masked;
    }

    private static List<String> placeholders(Operation operation) {
        return operation.pathParameters().stream().map(p -> UUID.randomUUID().toString()).toList();
    }

    /** The operation with these path values, and its example body (or an empty object) where it takes one. */
    static Api.Reply call(Api api, Operation operation, List<String> pathValues) {
        String path = operation.with(pathValues.stream().map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8)).toList());
        String body = operation.example() != null ? operation.example().toString() : "{}";
        return switch (operation.method()) {
            case "GET" -> api.get(path);
            case "DELETE" -> api.delete(path);
            case "POST" -> api.post(path, body);
            case "PUT" -> api.put(path, body);
            case "PATCH" -> api.patch(path, body);
            default -> throw new IllegalArgumentException(operation.method());
        };
    }
}

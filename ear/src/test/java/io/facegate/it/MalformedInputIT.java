package io.facegate.it;

import io.facegate.it.OpenApiOperations.Operation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bounded fuzz of every operation of the served OpenAPI document, as an attacker would try it:
 * malformed path and query values (NUL, huge numbers and strings, broken encodings), malformed
 * bodies (broken, empty, deep, huge; each field of the documented example replaced by a wrong type,
 * NUL, a 5,000-digit number, a 100,000-character string, deep nesting) and wrong content types.
 * Every answer must be a 4xx or 2xx, never a 5xx; every refusal JSON; none slower than
 * {@value #SLOWEST_SECONDS} s; and the server healthy afterwards. New operations are fuzzed without
 * editing this test. The one refusal that is not JSON comes from the HTTP server itself, before any
 * application code: a path that does not decode (an encoded NUL, invalid UTF-8) is an empty 400.
 */
@ExtendWith(FaceGateServer.class)
class MalformedInputIT {

    /** Generous for a loaded 2-core machine; a hang or a pathological parse takes far longer. */
    static final int SLOWEST_SECONDS = 5;

    private static final List<String> BAD_TEXT = List.of("%00", "a%00b", "9".repeat(5000), "-1", "1e999999999", "x".repeat(5000),
            "%FF%FE", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE", "true%00");
    private static final String DEEP = "[".repeat(10_000) + "]".repeat(10_000);

    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int requests;
    private int refusedByHttpServer;

    /** Paths the HTTP server refuses to decode, before FaceGate sees them. */
    private static final Pattern UNDECODABLE_PATH = Pattern.compile("^[^?]*(%00|%FF)");

    @Test
    void noMalformedRequestGetsA5xxOrAnythingButJson() {
        Tenants.Tenant tenant = Tenants.create("Fuzzed Co");
        Api client = tenant.api();
        Api operator = Api.bearer(Tenants.adminToken());
        List<Operation> operations = OpenApiOperations.all();
        for (Operation operation : operations) {
            Api caller = operation.anonymous() ? Api.anonymous() : operation.operatorOnly() ? operator : client;
            fuzzPath(caller, operation);
            fuzzQuery(caller, operation);
            if (!operation.method().equals("GET") && !operation.method().equals("DELETE")) {
                fuzzBody(caller, operation);
            }
        }
        System.out.println("MalformedInputIT: " + requests + " requests over " + operations.size() + " operations; statuses " + statuses
                + "; " + refusedByHttpServer + " undecodable paths refused by the HTTP server with an empty 400");
        assertEquals(List.of(), failures);
        assertTrue(requests > 500, "only " + requests + " requests");
        assertEquals(200, Api.anonymous().get("/api/system/health/").status(), "the server is healthy after the fuzz");
        assertEquals(200, client.get("/api/clients/users/").status());
    }

    private void fuzzPath(Api caller, Operation operation) {
        for (int p = 0; p < operation.pathParameters().size(); p++) {
            for (String bad : BAD_TEXT) {
                List<String> values = new ArrayList<>(operation.pathParameters().stream().map(x -> UUID.randomUUID().toString()).toList());
                values.set(p, bad);
                send(caller, operation, operation.with(values), body(operation), "application/json");
            }
        }
    }

    private void fuzzQuery(Api caller, Operation operation) {
        String path = operation.with(randomIds(operation));
        for (String name : operation.query()) {
            for (String bad : BAD_TEXT) {
                send(caller, operation, path + "?" + name + "=" + bad, body(operation), "application/json");
            }
        }
        send(caller, operation, path + "?offset=abc&limit=1e9", body(operation), "application/json");
    }

    private void fuzzBody(Api caller, Operation operation) {
        String path = operation.with(randomIds(operation));
        for (String whole : List.of("", "not json", "[]", "null", "\"text\"", "9".repeat(5000), DEEP, "{\"a\":" + DEEP + "}",
                "{\"a\": \"\\u0000\"}", "{", "{\"a\": 1,}", "\uFEFF{}")) {
            send(caller, operation, path, whole, "application/json");
        }
        JsonObject example = operation.example() != null ? operation.example() : JsonValue.EMPTY_JSON_OBJECT;
        Set<String> fields = example.isEmpty() ? Set.of("name", "user_id", "image") : example.keySet();
        for (String field : fields) {
            for (String bad : List.of("null", "\"\\u0000\"", "9".repeat(5000), "\"" + "x".repeat(100_000) + "\"", "true", "[]", "{}",
                    "[".repeat(200) + "]".repeat(200), "-1", "1.5", "1e999999999", "\"yes please\"")) {
                JsonObjectBuilder changed = Json.createObjectBuilder(example).remove(field);
                String json = changed.build().toString();
                String withBad = (json.equals("{}") ? "{" : json.substring(0, json.length() - 1) + ",") + "\"" + field + "\":" + bad + "}";
                send(caller, operation, path, withBad, "application/json");
            }
        }
        String valid = body(operation);
        for (String type : List.of("application/json; charset=bogus", "application/json; charset=utf-32", "*/*", "text/plain",
                "application/x-www-form-urlencoded", "application/xml", "multipart/form-data", "multipart/form-data; boundary=b")) {
            send(caller, operation, path, valid, type);
        }
        String boundary = "fuzzboundary";
        String multipart = "multipart/form-data; boundary=" + boundary;
        send(caller, operation, path, "--" + boundary + "--\r\n", multipart);
        send(caller, operation, path, "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nno disposition\r\n--" + boundary + "--\r\n", multipart);
        send(caller, operation, path, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nnot an image\r\n--"
                + boundary + "--\r\n", multipart);
        send(caller, operation, path, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"source_image\"\r\n\r\nx\r\n--"
                + boundary + "--\r\n", multipart);
        send(caller, operation, path, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff\u0000truncated", multipart);
    }

    private void send(Api caller, Operation operation, String path, String body, String contentType) {
        long started = System.nanoTime();
        Api.Reply reply;
        try {
            reply = caller.send(operation.method(), path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType);
        } catch (IllegalStateException e) {
            failures.add(operation + " " + abbreviated(path) + " [" + contentType + "]: no answer (" + e.getMessage() + ")");
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        requests++;
        statuses.merge(reply.status(), 1, Integer::sum);
        String what = operation + " " + abbreviated(path) + " [" + contentType + "] " + abbreviated(body);
        if (reply.status() >= 500) {
            failures.add(what + " -> " + abbreviated(reply.toString()));
        } else if (reply.status() == 400 && reply.body().isEmpty() && UNDECODABLE_PATH.matcher(path).find()) {
            refusedByHttpServer++;
        } else if (reply.status() >= 400 && !reply.contentType().startsWith("application/json")) {
            failures.add(what + " -> not JSON: " + reply.contentType() + " " + abbreviated(reply.body()));
        }
        if (seconds > SLOWEST_SECONDS) {
            failures.add(what + " took " + Math.round(seconds) + " s");
        }
    }

    private static String body(Operation operation) {
        return operation.example() != null ? operation.example().toString() : "{}";
    }

    private static List<String> randomIds(Operation operation) {
        return operation.pathParameters().stream().map(p -> UUID.randomUUID().toString()).toList();
    }

    private static String abbreviated(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 160 ? text : text.substring(0, 160) + "...(" + text.length() + " chars)";
    }
}

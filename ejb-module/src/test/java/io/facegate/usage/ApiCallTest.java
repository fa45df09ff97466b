package io.facegate.usage;

import io.facegate.domain.usage.ApiUsage;
import io.facegate.domain.usage.EndpointCategory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiCallTest {

    private static ApiCall call(Map<String, List<String>> query) {
        return call(new CallOrigin(Transport.REST, "get", "/api/clients/users/", query, "127.0.0.1", "curl/8", "ClientUserResource#list"));
    }

    private static ApiCall call(CallOrigin origin) {
        return new ApiCall(UUID.randomUUID(), EndpointCategory.CLIENTS, origin, 200, 12.3, Instant.parse("2025-10-12T10:30:00Z"));
    }

    private static JsonObject metadata(ApiCall call) {
        return Json.createReader(new StringReader(call.toUsage().getMetadata())).readObject();
    }

    @Test
    void metadataHasSeedZerosShape() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("search", List.of("ali"));
        query.put("tag", List.of("a", "b"));
        JsonObject metadata = metadata(call(query));
        assertEquals("/api/clients/users/", metadata.getString("path"));
        assertEquals("ClientUserResource#list", metadata.getString("view_name"));
        assertEquals("rest", metadata.getString("transport"));
        assertEquals("ali", metadata.getJsonObject("query_params").getString("search"));
        assertEquals(List.of("a", "b"), metadata.getJsonObject("query_params").getJsonArray("tag")
                .getValuesAs(jakarta.json.JsonString::getString));
    }

    @Test
    void credentialsInTheQueryAreNeverStored() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("api_key", List.of("fg_live_123"));
        query.put("session_token", List.of("sess_abc"));
        query.put("API_SECRET", List.of("x", "y"));
        String stored = call(query).toUsage().getMetadata();
        assertTrue(!stored.contains("fg_live_123") && !stored.contains("sess_abc") && !stored.contains("\"x\""), stored);
        assertEquals(ApiCall.REDACTED, metadata(call(query)).getJsonObject("query_params").getString("session_token"));
    }

    @Test
    void hugeQueriesAreBounded() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            query.put("p" + i, List.of("v".repeat(1000)));
        }
        JsonObject params = metadata(call(query)).getJsonObject("query_params");
        assertEquals(ApiCall.MAX_QUERY_PARAMETERS, params.size());
        assertEquals(ApiCall.MAX_TEXT_LENGTH, params.getString("p0").length());
    }

    @Test
    void theRowKeepsTheCallsFacts() {
        ApiUsage row = call(Map.of()).toUsage();
        assertEquals("GET", row.getMethod());
        assertEquals(EndpointCategory.CLIENTS, row.getEndpoint());
        assertEquals(200, row.getStatusCode());
        assertEquals(12.3, row.getResponseTimeMs());
        assertEquals("127.0.0.1", row.getIpAddress());
        assertEquals("curl/8", row.getUserAgent());
        assertEquals(Instant.parse("2025-10-12T10:30:00Z"), row.getCreatedAt());
    }

    @Test
    void nulCharactersThatPostgresqlCannotStoreAreReplaced() {
        ApiUsage row = call(new CallOrigin(Transport.WEBSOCKET, "WEBSOCKET", "/ws/auth/process-image/\0",
                Map.of("x\0", List.of("\0")), "127.0.0.1", "agent\0", null)).toUsage();
        assertTrue(row.getUserAgent().indexOf('\0') < 0 && row.getMetadata().indexOf('\0') < 0 && !row.getMetadata().contains("\\u0000"),
                row.getMetadata());
        assertEquals("websocket", metadata(call(new CallOrigin(Transport.WEBSOCKET, "WEBSOCKET", "/ws/", Map.of(), null, null, null)))
                .getString("transport"));
    }
}

package io.facegate.web.http;

import io.facegate.system.FaceGateException;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request bodies bound as the server binds them: Payara's own JSON-B (Yasson) and JSON-P (Parsson). */
class JsonBindingTest {

    public record Changes(String displayName, Boolean isActive, Integer targetSamples, Double threshold) {
    }

    private static Changes bind(String json) {
        return JsonConfiguration.jsonb().fromJson(json, Changes.class);
    }

    @Test
    void snakeCaseFieldsBindToRecordComponents() {
        Changes changes = bind("{\"display_name\": \"Ann\", \"is_active\": false, \"target_samples\": 5, \"threshold\": 0.45}");
        assertEquals(new Changes("Ann", false, 5, 0.45), changes);
        assertEquals(new Changes(null, null, null, null), bind("{}"));
    }

    @Test
    void aBooleanTakesOnlyTrueOrFalse() {
        for (String value : new String[]{"1", "0", "1.5", "\"yes please\"", "\"true\"", "[]"}) {
            JsonbException refused = assertThrows(JsonbException.class, () -> bind("{\"is_active\": " + value + "}"), value);
            assertTrue(String.valueOf(refused.getMessage()).contains("is_active") || String.valueOf(refused.getMessage()).contains("isActive"),
                    refused.getMessage());
        }
    }

    @Test
    void anIntegerTakesOnlyAWholeNumberInRange() {
        for (String value : new String[]{"1.5", "\"5\"", "true", "99999999999", "1e400", "1e999999999"}) {
            assertThrows(JsonbException.class, () -> bind("{\"target_samples\": " + value + "}"), value);
        }
        assertEquals(5, bind("{\"target_samples\": 5.0}").targetSamples(), "5.0 is a whole number");
    }

    @Test
    void theGuardRefusesDeepNestingLongNumbersAndNulBeforeBinding() {
        assertCode("json_too_deep", "[".repeat(10_000) + "]".repeat(10_000));
        assertCode("number_too_long", "{\"target_samples\": " + "9".repeat(5000) + "}");
        assertCode("invalid_text", "{\"display_name\": \"a\\u0000b\"}");
        assertCode("invalid_text", "{\"a\\u0000\": 1}");
        assertCode("invalid_json", "{\"display_name\": ");
        JsonBodyGuard.check("{\"nested\": {\"deep\": [1, 2, {\"ok\": true}]}}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static void assertCode(String code, String body) {
        FaceGateException refused = assertThrows(FaceGateException.class,
                () -> JsonBodyGuard.check(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertEquals(code, refused.code());
        assertEquals(400, refused.kind().httpStatus());
    }
}

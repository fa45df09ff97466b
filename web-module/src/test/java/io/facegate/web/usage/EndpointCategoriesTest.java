package io.facegate.web.usage;

import io.facegate.domain.usage.EndpointCategory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EndpointCategoriesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // this API's paths, as JAX-RS reports them (relative to /api/, trailing slash or not)
            "core/auth/client/, AUTHENTICATION",
            "core/auth/refresh, AUTHENTICATION",
            "auth/client/, AUTHENTICATION",
            "clients/users/, CLIENTS",
            "clients/users/0b9f7c1e-3c1a-4d8e-9a53-2f4f1c0d7a11, CLIENTS",
            "core/clients/, CLIENTS",
            "clients/usage/, ANALYTICS",
            "clients/usage/summary, ANALYTICS",
            "faces/detect, RECOGNITION",
            "faces/compare/, RECOGNITION",
            "system/health/, SYSTEM",
            "core/jobs/purge-expired-tokens, SYSTEM",
            // the seeds' paths
            "/auth/enrollment/, ENROLLMENT",
            "/enrollment/create/, ENROLLMENT",
            "/auth/authentication/, RECOGNITION",
            "/auth/process-image/, RECOGNITION",
            "/auth/face/process-frame/, RECOGNITION",
            "/auth/sessions/0b9f7c1e/, RECOGNITION",
            "/liveness/check/, LIVENESS",
            "/webhooks/, WEBHOOK",
            "/webhooks/0b9f7c1e/deliveries/, WEBHOOK",
            "/analytics/performance/, ANALYTICS",
            "/facial-recognition/detections, RECOGNITION",
            "v1/auth/login/, AUTHENTICATION",
            "v1/face/enroll/, ENROLLMENT",
            "v1/face/enroll/status/enroll_0b9f7c1e/, ENROLLMENT",
            "v1/face/verify/, RECOGNITION",
            "v1/face/bulk-verify/, RECOGNITION",
            "v1/mobile/check-in/, RECOGNITION",
            "v1/mobile/profile/, CLIENTS",
            "v1/users/0b9f7c1e/, CLIENTS",
            "v1/attendance/summary/, ANALYTICS",
            // seed 002's Python API
            "/users/register, ENROLLMENT",
            "/users/emp7, ENROLLMENT",
            "/status, RECOGNITION",
            "/results, RECOGNITION",
            "/config, RECOGNITION",
            "/facial-recognition/sync/, RECOGNITION",
            // whole segments only, and nothing claimed is OTHER
            "clientsx/users, OTHER",
            "clients/usagex, CLIENTS",
            "authentication-logs, OTHER",
            "'', OTHER",
            "no/such/thing, OTHER",
    })
    void mapsPathsToCategories(String path, EndpointCategory expected) {
        assertEquals(expected, EndpointCategories.of(path));
    }
}

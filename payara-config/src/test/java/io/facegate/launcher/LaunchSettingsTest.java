package io.facegate.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaunchSettingsTest {

    private static LaunchSettings settings(Map<String, String> env) {
        return LaunchSettings.fromEnvironment(env, Path.of("data"));
    }

    @Test
    void operationsEndpointsAreOnLoopbackTenPortsAboveHttpByDefault() {
        LaunchSettings defaults = settings(Map.of());
        assertEquals(OperationsEndpoints.LOOPBACK, defaults.operationsEndpoints());
        assertEquals(8090, defaults.operationsPort());
        assertEquals(9010, settings(Map.of("FACEGATE_HTTP_PORT", "9000")).operationsPort());
        assertEquals(9443, settings(Map.of("FACEGATE_OPERATIONS_PORT", "9443")).operationsPort());
    }

    @Test
    void theOperatorChoosesPublicOrOffInAnyCase() {
        assertEquals(OperationsEndpoints.PUBLIC, settings(Map.of("FACEGATE_OPERATIONS_ENDPOINTS", "public")).operationsEndpoints());
        assertEquals(OperationsEndpoints.OFF, settings(Map.of("FACEGATE_OPERATIONS_ENDPOINTS", " OFF ")).operationsEndpoints());
        assertEquals(OperationsEndpoints.LOOPBACK, settings(Map.of("FACEGATE_OPERATIONS_ENDPOINTS", "")).operationsEndpoints());
    }

    @Test
    void anUnknownChoiceIsRefusedWithTheValidOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("FACEGATE_OPERATIONS_ENDPOINTS", "token")));
        assertTrue(refused.getMessage().contains("loopback, public, off"), refused.getMessage());
    }

    @Test
    void theOperationsListenerCannotShareTheHttpPort() {
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("FACEGATE_OPERATIONS_PORT", "8080")));
        assertEquals(8080, settings(Map.of("FACEGATE_OPERATIONS_PORT", "8080", "FACEGATE_OPERATIONS_ENDPOINTS", "public")).operationsPort());
    }
}

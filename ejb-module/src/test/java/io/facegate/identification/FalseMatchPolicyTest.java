package io.facegate.identification;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FalseMatchPolicyTest {

    @Test
    void quantilesOfTheStandardNormal() {
        assertEquals(0, FalseMatchPolicy.standardNormalQuantile(0.5), 1e-9);
        assertEquals(-1.6448536269514729, FalseMatchPolicy.standardNormalQuantile(0.05), 1e-8);
        assertEquals(-3.090232306167813, FalseMatchPolicy.standardNormalQuantile(1e-3), 1e-8);
        assertEquals(-5.997807015007686, FalseMatchPolicy.standardNormalQuantile(1e-9), 1e-7);
    }

    @Test
    void theThresholdRisesWithTheGallery() {
        FalseMatchPolicy policy = new FalseMatchPolicy(1e-3);
        // n * P(N(0.001, 0.104) >= t) = 1e-3
        assertEquals(0.001 + 0.104 * 3.090232306167813, policy.threshold(1), 1e-7);
        assertEquals(0.001 + 0.104 * 5.997807015007686, policy.threshold(1_000_000), 1e-6);
        assertTrue(policy.threshold(10) < 0.40, "tiny galleries keep the 1:1 threshold");
        assertTrue(policy.threshold(10_000) > policy.threshold(1_000));
        assertEquals(Double.NEGATIVE_INFINITY, policy.threshold(0));
        assertThrows(IllegalArgumentException.class, () -> new FalseMatchPolicy(0));
        assertThrows(IllegalArgumentException.class, () -> new FalseMatchPolicy(1.5));
    }
}

package io.facegate.recognition;

import java.util.List;

/**
 * Whether the face engine is usable, for health checks.
 *
 * @param loaded     all models loaded and warmed up
 * @param models     model file names loaded
 * @param loadTimeMs time to load and warm up the models
 * @param error      why loading failed, or null
 */
public record EngineStatus(boolean loaded, List<String> models, long loadTimeMs, String error) {
}

package io.facegate.domain.shared;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider every tier uses. {@code jakarta.json.Json}'s static methods look the
 * provider up with a {@link java.util.ServiceLoader} on every call, which in an EAR scans every
 * jar of the application: a profile of streamed frames found that lookup in 7 % of the server's
 * Java samples (docs/benchmarks/streaming.md). The provider is thread-safe and stateless.
 */
public final class JsonProcessing {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonProcessing() {
    }
}

package io.facegate.web.http;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * snake_case field names, as every seed document shows, nulls kept so shapes are stable, and
 * scalars read strictly ({@link StrictScalars}): a boolean is true or false, an integer a whole number.
 * <p>
 * Request bodies are records whose components carry Bean Validation constraints. Such a record
 * declares its canonical constructor: an implicit one would copy the constraints onto its
 * parameters, and Payara's OpenAPI scanner (6.2025.9) fails on any constrained parameter that is
 * not a {@code @PathParam}, taking the whole OpenAPI document down. For the same reason query
 * parameters carry no constraints; {@link QueryValues} checks them.
 */
@Provider
public class JsonConfiguration implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true)
            .withDeserializers(new StrictScalars.StrictBoolean(), new StrictScalars.StrictInteger(), new StrictScalars.StrictLong(),
                    new StrictScalars.StrictDouble()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    public static Jsonb jsonb() {
        return JSONB;
    }
}

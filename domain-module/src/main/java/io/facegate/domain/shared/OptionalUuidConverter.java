package io.facegate.domain.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.UUID;

/**
 * For nullable uuid columns: EclipseLink's built-in UUID converter refuses null on insert, while
 * the PostgreSQL driver writes a {@link UUID} (or null) to a uuid column as it is.
 */
@Converter
public class OptionalUuidConverter implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID uuid) {
        return uuid;
    }

    @Override
    public UUID convertToEntityAttribute(Object value) {
        return value == null ? null : value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
    }
}

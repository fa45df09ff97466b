package io.facegate.domain.webhooks;

import io.facegate.domain.shared.JsonProcessing;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.io.StringReader;
import java.util.List;

/**
 * An endpoint's subscribed event types as the jsonb array the column holds. Written as text (the
 * driver sends strings untyped, so PostgreSQL casts them); read back as the driver's jsonb object,
 * whose text is the array.
 */
@Converter
public class EventTypesConverter implements AttributeConverter<List<String>, Object> {

    @Override
    public Object convertToDatabaseColumn(List<String> types) {
        JsonArrayBuilder array = JsonProcessing.PROVIDER.createArrayBuilder();
        types.forEach(array::add);
        return array.build().toString();
    }

    @Override
    public List<String> convertToEntityAttribute(Object json) {
        try (JsonReader reader = JsonProcessing.PROVIDER.createReader(new StringReader(json.toString()))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }
}

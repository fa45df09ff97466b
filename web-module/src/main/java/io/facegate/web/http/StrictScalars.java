package io.facegate.web.http;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * JSON-B deserializers that take a JSON value only of its own type. By default a boolean field
 * also takes {@code 1}, {@code 1.5} or {@code "yes please"} (as false, or as true), and an integer
 * field {@code "12"}: a client that sends the wrong type gets a 400 instead of a surprise.
 */
final class StrictScalars {

    private StrictScalars() {
    }

    static final class StrictBoolean implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = value(parser, context);
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            throw new JsonbException("expected true or false");
        }
    }

    static final class StrictInteger implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            try {
                return integral(parser, context).intValueExact();
            } catch (ArithmeticException e) {
                throw new JsonbException("expected a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
            }
        }
    }

    static final class StrictLong implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            try {
                return integral(parser, context).longValueExact();
            } catch (ArithmeticException e) {
                throw new JsonbException("expected a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
            }
        }
    }

    static final class StrictDouble implements JsonbDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context, Type type) {
            if (!(value(parser, context) instanceof JsonNumber number)) {
                throw new JsonbException("expected a number");
            }
            double value = number.bigDecimalValue().doubleValue();
            if (Double.isInfinite(value)) {
                throw new JsonbException("number out of range");
            }
            return value;
        }
    }

    private static BigDecimal integral(JsonParser parser, DeserializationContext context) {
        if (!(value(parser, context) instanceof JsonNumber number)) {
            throw new JsonbException("expected a whole number");
        }
        BigDecimal value = number.bigDecimalValue();
        // stripTrailingZeros is cheap even for 1e999999999 (never expanded); the exact conversions then check the range.
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw new JsonbException("expected a whole number");
        }
        return value;
    }

    /** The value at the parser, whatever its type (Yasson's parser for custom deserializers tells no event). */
    private static JsonValue value(JsonParser parser, DeserializationContext context) {
        return context.deserialize(JsonValue.class, parser);
    }
}

package io.facegate.web.sessions;

import io.facegate.system.FaceGateException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Seed 003 puts some session settings in the free-form {@code metadata} object; these read them as
 * strictly as the typed request's own fields are read.
 */
final class MetadataFields {

    private MetadataFields() {
    }

    static Integer integer(JsonObject metadata, String field) {
        JsonValue value = metadata == null ? null : metadata.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                // out of range: refused below
            }
        }
        throw FaceGateException.invalid("invalid_" + field, "metadata." + field + " must be a whole number");
    }

    static String text(JsonObject metadata, String field, int maxLength) {
        JsonValue value = metadata == null ? null : metadata.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text && text.getString().length() <= maxLength) {
            return text.getString();
        }
        throw FaceGateException.invalid("invalid_" + field, "metadata." + field + " must be text of at most " + maxLength + " characters");
    }
}

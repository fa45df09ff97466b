package io.facegate.web.http;

import io.facegate.domain.shared.JsonProcessing;
import io.facegate.system.FaceGateException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;

/** Free-form JSON kept as text in jsonb columns (metadata, allowed origins). */
public final class JsonDocuments {

    private static final int MAX_DOCUMENT_CHARS = 16_384;

    private JsonDocuments() {
    }

    public static JsonObject object(String stored) {
        try (JsonReader reader = JsonProcessing.PROVIDER.createReader(new StringReader(stored == null ? "{}" : stored))) {
            return reader.readObject();
        }
    }

    /** A request body that must be one JSON object; anything else is a 400 {@code invalid_json}. */
    public static JsonObject requestObject(String body) {
        if (body == null || body.isBlank()) {
            throw FaceGateException.invalid("missing_body", "a JSON object body is required");
        }
        try (JsonReader reader = JsonProcessing.PROVIDER.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw FaceGateException.invalid("invalid_json", "request body is not a valid JSON object");
        }
    }

    public static JsonArray array(String stored) {
        try (JsonReader reader = JsonProcessing.PROVIDER.createReader(new StringReader(stored == null ? "[]" : stored))) {
            return reader.readArray();
        }
    }

    /** Metadata from a request, checked for size; null stays null (meaning "unchanged"). */
    public static String metadata(JsonObject metadata) {
        if (metadata == null) {
            return null;
        }
        String text = metadata.toString();
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw FaceGateException.invalid("metadata_too_large", "metadata must be at most " + MAX_DOCUMENT_CHARS + " characters of JSON");
        }
        return text;
    }
}

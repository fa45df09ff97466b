package io.facegate.web.http;

import io.facegate.system.FaceGateException;
import jakarta.ws.rs.core.EntityPart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A multipart/form-data body's fields, looked up by name. Resources take the whole body as a list
 * of parts rather than one {@code @FormParam} each: Jersey fails with an internal error when a named
 * field is missing, where the caller deserves a 400 naming it. Sizes are already capped by
 * {@link RequestSizeLimit}.
 */
public final class MultipartFields {

    private final List<EntityPart> parts;

    private MultipartFields(List<EntityPart> parts) {
        this.parts = parts == null ? List.of() : parts;
    }

    public static MultipartFields of(List<EntityPart> parts) {
        return new MultipartFields(parts);
    }

    /** Whether the body has the field (optional fields are read only when present). */
    public boolean has(String field) {
        return parts.stream().anyMatch(p -> field.equals(p.getName()));
    }

    /** The field as UTF-8 text, or null when the body lacks it. */
    public String optionalText(String field) {
        return has(field) ? text(field) : null;
    }

    /** The field's content, read whole. */
    public byte[] bytes(String field) {
        EntityPart part = parts.stream().filter(p -> field.equals(p.getName())).findFirst()
                .orElseThrow(() -> FaceGateException.invalid("missing_" + field, "multipart field " + field + " is required"));
        try (InputStream content = part.getContent()) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw FaceGateException.invalid("unreadable_" + field, "could not read multipart field " + field);
        }
    }

    /** The field as UTF-8 text. */
    public String text(String field) {
        return new String(bytes(field), StandardCharsets.UTF_8);
    }
}

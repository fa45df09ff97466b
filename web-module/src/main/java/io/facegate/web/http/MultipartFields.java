package io.facegate.web.http;

import io.facegate.system.FaceGateException;
import jakarta.ws.rs.core.EntityPart;

import java.io.IOException;
import java.io.InputStream;

/** Required multipart fields read whole (their size is already capped by {@link RequestSizeLimit}). */
public final class MultipartFields {

    private MultipartFields() {
    }

    public static byte[] bytes(String field, EntityPart part) {
        if (part == null) {
            throw FaceGateException.invalid("missing_" + field, "multipart field " + field + " is required");
        }
        try (InputStream content = part.getContent()) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw FaceGateException.invalid("unreadable_" + field, "could not read multipart field " + field);
        }
    }
}

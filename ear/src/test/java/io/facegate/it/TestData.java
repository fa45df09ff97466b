package io.facegate.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

/** The shared test photos ({@code ../shared/data}) and the request bodies made of them. */
public final class TestData {

    private TestData() {
    }

    public static Path path(String relative) {
        return Path.of(System.getProperty("facegate.shared", "../../shared"), "data", relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String base64(String relative) {
        return Base64.getEncoder().encodeToString(bytes(relative));
    }

    /** A multipart/form-data body; {@code parts} are (field, value) pairs, a value of "@path" being that data file. */
    public record Multipart(String contentType, byte[] body) {

        public static Multipart of(String... parts) {
            String boundary = "facegate-" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int i = 0; i < parts.length; i += 2) {
                String value = parts[i + 1];
                boolean file = value.startsWith("@");
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + parts[i] + "\""
                        + (file ? "; filename=\"" + path(value.substring(1)).getFileName() + "\"\r\nContent-Type: application/octet-stream" : "")
                        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(file ? bytes(value.substring(1)) : value.getBytes(StandardCharsets.UTF_8));
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
        }

        public Api.Reply post(Api api, String apiPath) {
            return api.post(apiPath, body, contentType);
        }
    }
}

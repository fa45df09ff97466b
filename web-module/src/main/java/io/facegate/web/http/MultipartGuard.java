package io.facegate.web.http;

import io.facegate.system.FaceGateException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks a {@code multipart/form-data} body's framing before Jersey's multipart reader sees it: a
 * boundary, at least one part, and a {@code Content-Disposition: form-data; name=...} header on every
 * part. Jersey answers a body without parts, or a part without a name, with an internal error; the
 * caller deserves a 400 saying what is wrong. The body is already bounded in size by
 * {@link RequestSizeLimit}.
 */
@Provider
public class MultipartGuard implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return context.proceed();
        }
        String boundary = type.getParameters().get("boundary");
        byte[] body = context.getInputStream().readAllBytes();
        check(body, boundary);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** @throws FaceGateException 400 {@code invalid_multipart} naming what is wrong */
    static void check(byte[] body, String boundary) {
        if (boundary == null || boundary.isBlank()) {
            throw refuse("the Content-Type has no boundary parameter");
        }
        // ISO-8859-1 maps every byte to one char, so binary file contents cannot break the search.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary.strip();
        int at = text.indexOf(delimiter);
        int parts = 0;
        while (at >= 0) {
            int after = at + delimiter.length();
            if (text.startsWith("--", after)) {
                break;
            }
            int headersEnd = text.indexOf("\r\n\r\n", after);
            if (headersEnd < 0) {
                throw refuse("part " + (parts + 1) + " has no end of its headers");
            }
            String headers = text.substring(after, headersEnd).toLowerCase(Locale.ROOT);
            if (!headers.contains("content-disposition:") || !headers.contains("form-data") || !headers.contains("name=")) {
                throw refuse("part " + (parts + 1) + " has no Content-Disposition: form-data; name=\"...\" header");
            }
            parts++;
            at = text.indexOf(delimiter, headersEnd);
        }
        if (parts == 0) {
            throw refuse("the body has no parts");
        }
    }

    private static FaceGateException refuse(String why) {
        return FaceGateException.invalid("invalid_multipart", "malformed multipart/form-data: " + why);
    }
}

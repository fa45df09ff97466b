package io.facegate.web.http;

import io.facegate.domain.shared.JsonProcessing;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;

/**
 * Checks a JSON request body before any reader binds it, with a streaming parser that never
 * recurses: at most {@value #MAX_DEPTH} levels of nesting, numbers of at most
 * {@value #MAX_NUMBER_CHARS} characters, no NUL character in any string (PostgreSQL cannot store
 * one), and a charset Java knows. What fails is a 400 (415 for the charset) naming the problem,
 * never a stack overflow or a database error later on. The body is already bounded in size by
 * {@link RequestSizeLimit}.
 */
@Provider
public class JsonBodyGuard implements ReaderInterceptor {

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_CHARS = 100;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !(type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        Charset charset = charset(type);
        byte[] body = context.getInputStream().readAllBytes();
        check(body, charset);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new FaceGateException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "unsupported_charset",
                    "charset " + name + " is not supported; send JSON as UTF-8", Map.of("charset", name));
        }
    }

    /** @throws FaceGateException 400 for a body that is not acceptable JSON */
    static void check(byte[] body, Charset charset) {
        if (body.length == 0) {
            return;
        }
        try (JsonParser parser = JsonProcessing.PROVIDER.createParser(new InputStreamReader(new ByteArrayInputStream(body), charset))) {
            int depth = 0;
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > MAX_DEPTH) {
                            throw refuse("json_too_deep", "JSON nests deeper than " + MAX_DEPTH + " levels");
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case VALUE_NUMBER -> {
                        if (parser.getString().length() > MAX_NUMBER_CHARS) {
                            throw refuse("number_too_long", "a JSON number has more than " + MAX_NUMBER_CHARS + " characters");
                        }
                    }
                    case KEY_NAME, VALUE_STRING -> {
                        if (parser.getString().indexOf('\0') >= 0) {
                            throw refuse("invalid_text", "text must not contain NUL (\\u0000) characters");
                        }
                    }
                    default -> {
                        // true, false, null: nothing to check
                    }
                }
            }
        } catch (JsonException | IllegalStateException e) {
            // JsonParsingException is a JsonException; the parser's own depth limit, if any, also ends here.
            throw refuse("invalid_json", "request body is not valid JSON");
        }
    }

    private static FaceGateException refuse(String code, String message) {
        return FaceGateException.invalid(code, message);
    }
}

package io.facegate.web.http;

import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/**
 * A body must say what it is: a wildcard Content-Type ({@code *}{@code /*}) would match any endpoint
 * variant (JSON or multipart) and then fail to read as the one chosen. Refused with a 415 before
 * matching; an unreadable Content-Type header is a 400.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 80)
public class MediaTypeGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (RuntimeException e) {
            throw FaceGateException.invalid("invalid_content_type", "the Content-Type header cannot be read");
        }
        if (request.hasEntity() && type != null && (type.isWildcardType() || type.isWildcardSubtype())) {
            throw new FaceGateException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Content-Type " + type + " names no media type; send application/json or multipart/form-data",
                    Map.of("content_type", type.toString()));
        }
    }
}

package io.facegate.cameras;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpStatus;

/** What a camera's HTTP status means for reading frames. */
final class HttpAnswers {

    private HttpAnswers() {
    }

    static void requireOk(ClassicHttpResponse response, boolean hasCredentials) throws CameraException {
        int status = response.getCode();
        if (status == HttpStatus.SC_OK) {
            return;
        }
        if (status == HttpStatus.SC_UNAUTHORIZED) {
            throw new CameraException(CameraFailure.UNAUTHORIZED, hasCredentials
                    ? "the camera refused the username and password (HTTP 401)"
                    : "the camera needs a username and password (HTTP 401)");
        }
        throw new CameraException(CameraFailure.HTTP_ERROR, "the camera answered HTTP " + status
                + (response.getReasonPhrase() == null ? "" : " " + response.getReasonPhrase()));
    }
}

package io.facegate.cameras;

import io.facegate.egress.EgressRefusedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Why a camera gave no frame, in the words a camera test reports ({@link #code()}). */
public enum CameraFailure {
    /** The host name does not resolve. */
    DNS,
    /** The egress policy does not let FaceGate connect there. */
    EGRESS_REFUSED,
    /** Nothing listens there, or the host cannot be reached. */
    REFUSED,
    /** No connection, answer or frame within the timeout. */
    TIMEOUT,
    /** The camera wants other credentials (HTTP 401). */
    UNAUTHORIZED,
    /** Any other HTTP status than 200. */
    HTTP_ERROR,
    /** The answer is not the JPEG stream or image the source kind expects. */
    NOT_A_JPEG_STREAM,
    /** The camera closed the stream. */
    STREAM_ENDED,
    /** Any other input/output failure (connection reset, RTSP errors, ...). */
    IO;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The failure an exception stands for. */
    public static CameraFailure of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CameraException camera) {
                return camera.failure();
            }
            if (t instanceof EgressRefusedException) {
                return EGRESS_REFUSED;
            }
            if (t instanceof UnknownHostException) {
                return DNS;
            }
            if (t instanceof SocketTimeoutException || t instanceof ConnectTimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof HttpHostConnectException || t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return REFUSED;
            }
        }
        return IO;
    }
}

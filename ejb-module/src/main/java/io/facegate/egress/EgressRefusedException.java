package io.facegate.egress;

import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;

import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * FaceGate will not connect there. An {@link UnknownHostException} so that it can leave an HTTP
 * client's DNS resolver at connect time; {@link #unprocessable()} is the same refusal as the API's 422.
 */
public class EgressRefusedException extends UnknownHostException {

    private final EgressTarget target;
    private final String host;
    private final String address;
    private final String reason;

    EgressRefusedException(EgressTarget target, String host, String address, String reason, String message) {
        super(message);
        this.target = target;
        this.host = host;
        this.address = address;
        this.reason = reason;
    }

    /** {@code scheme}, {@code invalid_url}, or the refused address's class: {@code loopback}, {@code cloud_metadata}, ... */
    public String reason() {
        return reason;
    }

    /** The 422 a client gets for a URL the policy refuses. */
    public FaceGateException unprocessable() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("target", target.label());
        details.put("reason", reason);
        if (host != null) {
            details.put("host", host);
        }
        if (address != null) {
            details.put("address", address);
        }
        FaceGateException refusal = new FaceGateException(ErrorKind.UNPROCESSABLE, "egress_refused", getMessage(), details);
        refusal.initCause(this);
        return refusal;
    }
}

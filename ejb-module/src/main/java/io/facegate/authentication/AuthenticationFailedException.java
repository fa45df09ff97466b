package io.facegate.authentication;

import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.ejb.ApplicationException;

/**
 * Credentials were refused. Does not roll back: a refusal may have to record something durable,
 * such as revoking a refresh-token family after a replay.
 */
@ApplicationException(rollback = false)
public class AuthenticationFailedException extends FaceGateException {

    public AuthenticationFailedException(String code, String message) {
        super(ErrorKind.UNAUTHENTICATED, code, message);
    }

    public static AuthenticationFailedException invalidCredentials() {
        return new AuthenticationFailedException("invalid_credentials", "API key or secret is wrong, or the client is disabled");
    }
}

package io.facegate.web.authentication;

import io.facegate.authentication.CallerIdentity;

import java.security.Principal;

/** A caller authenticated by API key headers rather than a JWT. */
record CallerPrincipal(CallerIdentity identity) implements Principal {

    @Override
    public String getName() {
        return identity.subject();
    }
}

package io.facegate.authentication;

import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Objects;
import java.util.UUID;

/**
 * May this client act now? The one answer every transport asks for (REST with a token or API key
 * headers, the session WebSocket, camera pollers and batch jobs): the client exists and is enabled,
 * a token was issued under its current API secret, and a browser page calling is one of the
 * client's {@code allowed_origins}. Disabling a client or rotating its secret takes effect at the
 * next request of every token it holds. A person's token is the person's client's, so the same
 * rules hold for it, and the person must be active, of that client, at the login generation the
 * token was issued under, and not logged out of that token.
 */
@ApplicationScoped
public class ClientAccess {

    @Inject
    ClientStandings standings;

    @Inject
    PersonStandings people;

    /**
     * @param origin the {@code Origin} header of the call; null when the caller is not a web page
     * @return the caller as admitted: a person with their current role and department
     * @throws FaceGateException 401 for a client or person that is gone, a token of a rotated secret
     *                           or an ended login, 403 for a disabled client or a page not among its origins
     */
    public CallerIdentity admit(CallerIdentity caller, String origin) {
        if (caller.clientId() == null) {
            return caller;
        }
        ClientStanding standing = admitted(caller.clientId(), origin);
        if (caller.secretGeneration() != null && !Objects.equals(caller.secretGeneration(), standing.secretGeneration())) {
            throw new FaceGateException(ErrorKind.UNAUTHENTICATED, "credentials_revoked",
                    "this token was issued before the client's API secret was rotated; obtain a new one");
        }
        return caller.isPerson() ? caller.withPerson(admittedPerson(caller)) : caller;
    }

    /** The client's rate limits as the operator set them (JSON object); {@code {}} when it has none. */
    public String rateLimitsOf(UUID clientId) {
        return standings.of(clientId).map(ClientStanding::rateLimitsJson).orElse("{}");
    }

    private PersonCaller admittedPerson(CallerIdentity caller) {
        PersonCaller token = caller.person();
        if (token == null) {
            throw unauthenticated();
        }
        PersonStanding person = people.of(token.personId()).filter(p -> p.clientId().equals(caller.clientId()))
                .orElseThrow(ClientAccess::unauthenticated);
        if (!person.active() || person.loginGeneration() != token.loginGeneration() || person.revokedTokens().contains(token.tokenId())) {
            throw new FaceGateException(ErrorKind.UNAUTHENTICATED, "credentials_revoked",
                    "this login ended (logout, new password or deactivated account); log in again");
        }
        return token.admitted(person);
    }

    private static FaceGateException unauthenticated() {
        return new FaceGateException(ErrorKind.UNAUTHENTICATED, "unauthorized", "missing, invalid or expired credentials");
    }

    /**
     * For a caller whose only credential is a session token (the session WebSocket): the session's
     * client must be enabled and the page one of its origins.
     */
    public void admitSession(UUID clientId, String origin) {
        admitted(clientId, origin);
    }

    /** Whether the client may act for work the server does on its behalf (camera polling, scheduled jobs). */
    public boolean mayAct(UUID clientId) {
        return standings.of(clientId).map(ClientStanding::active).orElse(false);
    }

    private ClientStanding admitted(UUID clientId, String origin) {
        ClientStanding standing = standings.of(clientId).orElseThrow(ClientAccess::unauthenticated);
        if (!standing.active()) {
            throw new FaceGateException(ErrorKind.FORBIDDEN, "client_disabled", "this client is disabled");
        }
        if (origin != null && !AllowedOrigins.permit(standing.allowedOriginsJson(), origin)) {
            throw new FaceGateException(ErrorKind.FORBIDDEN, "origin_not_allowed",
                    "origin " + origin + " is not one of this client's allowed_origins");
        }
        return standing;
    }
}

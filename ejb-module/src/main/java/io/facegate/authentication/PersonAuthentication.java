package io.facegate.authentication;

import io.facegate.crypto.SecretHasher;
import io.facegate.domain.authentication.RefreshToken;
import io.facegate.domain.authentication.RevokedAccessToken;
import io.facegate.domain.clients.Client;
import io.facegate.domain.clients.ClientUser;
import io.facegate.ratelimits.RateCategory;
import io.facegate.ratelimits.RateLimits;
import io.facegate.ratelimits.RateState;
import io.facegate.system.AfterCommit;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * People's logins (seed 004's {@code /auth/}): email and password within a tenant named by its
 * API key, rotating refresh tokens, logout. Every refusal of a login reads the same, whether the
 * email is unknown, the password wrong, the person inactive or their logins paused, so a caller
 * cannot learn who has an account; an unknown email costs the same slow hash as a known one.
 */
@Stateless
public class PersonAuthentication {

    /** Checked when there is no stored hash, so an unknown email takes as long as a wrong password. */
    private static final String NO_PASSWORD = SecretHasher.hash(UUID.randomUUID().toString());

    @PersistenceContext(unitName = "facegate")
    EntityManager em;

    @Inject
    ClientAuthentication clients;

    @Inject
    ClientAccess access;

    @Inject
    TokenIssuer issuer;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    RateLimits rateLimits;

    @Inject
    PersonLoginSettings settings;

    @Inject
    PersonStandings standings;

    @Inject
    AfterCommit afterCommit;

    @Inject
    Event<PersonLoggedIn> loggedIn;

    @Inject
    Event<PersonLoggedOut> loggedOut;

    /**
     * @param origin the page asking, when a browser asks: one of the client's allowed origins
     * @throws AuthenticationFailedException 401 {@code invalid_credentials}, whatever was wrong
     */
    public PersonLogin login(String apiKey, String email, String password, String origin) {
        Client client = clients.activeClient(apiKey).orElseThrow(PersonAuthentication::refused);
        access.admitSession(client.getId(), origin);
        String login = email.strip().toLowerCase(Locale.ROOT);
        RateState rate = rateLimits.consume("login:" + client.getId() + ":" + login, client.getId(), RateCategory.AUTHENTICATION);
        ClientUser person = em.createNamedQuery(ClientUser.BY_EMAIL, ClientUser.class)
                .setParameter("clientId", client.getId()).setParameter("email", login)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        Instant now = Instant.now();
        if (person == null || person.getPasswordHash() == null || !person.isActive() || person.isLockedAt(now)) {
            SecretHasher.matches(password, NO_PASSWORD);
            throw refused();
        }
        if (!SecretHasher.matches(password, person.getPasswordHash())) {
            // Committed although refused (AuthenticationFailedException does not roll back).
            person.recordFailedLogin(now, settings.maxFailedLogins(), settings.firstLockout(), settings.longestLockout());
            loggedIn.fire(new PersonLoggedIn(client.getId(), person.getId(), person.getExternalUserId(), false, now));
            throw refused();
        }
        person.recordLogin(now);
        loggedIn.fire(new PersonLoggedIn(client.getId(), person.getId(), person.getExternalUserId(), true, now));
        return new PersonLogin(issuePair(person, UUID.randomUUID(), now), person, rate);
    }

    /** A new pair for a person's refresh token, which is then used up (see {@link RefreshTokens}). */
    public PersonLogin refresh(String refreshToken) {
        Instant now = Instant.now();
        RefreshToken stored = refreshTokens.redeem(refreshToken, RefreshTokens.Owner.PERSON, now);
        ClientUser person = em.find(ClientUser.class, stored.getClientUserId());
        if (person == null || !person.isActive() || !access.mayAct(person.getClientId())) {
            throw RefreshTokens.invalid();
        }
        RateState rate = rateLimits.consume("person:" + person.getId(), person.getClientId(), RateCategory.AUTHENTICATION);
        return new PersonLogin(issuePair(person, stored.getFamilyId(), now), person, rate);
    }

    /**
     * Ends the caller's login: the refresh token's family, and the access token the caller used,
     * until it would have expired.
     */
    public void logout(CallerIdentity caller, String refreshToken) {
        PersonCaller person = caller.person();
        Instant now = Instant.now();
        RefreshToken stored = refreshTokens.find(refreshToken, now);
        if (stored == null || !person.personId().equals(stored.getClientUserId())) {
            throw RefreshTokens.invalid();
        }
        refreshTokens.revokeFamily(stored.getFamilyId(), now);
        if (em.find(RevokedAccessToken.class, person.tokenId()) == null) {
            em.persist(new RevokedAccessToken(person.tokenId(), person.personId(), person.tokenExpiresAt()));
        }
        UUID personId = person.personId();
        loggedOut.fire(new PersonLoggedOut(stored.getClientId(), personId, now));
        afterCommit.run("refresh standing of person " + personId, () -> standings.evict(personId));
    }

    /** Ends every login of a person (new password, deactivation); their access tokens fail at their next request. */
    public void endLogins(ClientUser person) {
        refreshTokens.revokePerson(person.getId(), Instant.now());
        UUID personId = person.getId();
        afterCommit.run("refresh standing of person " + personId, () -> standings.evict(personId));
    }

    /** A changed role or department applies from the person's next request. */
    public void refreshStanding(ClientUser person) {
        UUID personId = person.getId();
        afterCommit.run("refresh standing of person " + personId, () -> standings.evict(personId));
    }

    private TokenPair issuePair(ClientUser person, UUID familyId, Instant now) {
        return new TokenPair(issuer.person(person.getId(), person.getClientId(), person.getLoginGeneration()),
                refreshTokens.issue(person.getClientId(), person.getId(), familyId, now));
    }

    private static AuthenticationFailedException refused() {
        return new AuthenticationFailedException("invalid_credentials",
                "email or password is wrong, or logins are paused after repeated failures; wait and try again");
    }
}

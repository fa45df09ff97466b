package io.facegate.it;

import io.facegate.authentication.JsonWebTokens;
import io.facegate.it.Tenants.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credentials to tokens, and which tokens are refused (seeds 001, 003, 000). */
@Order(1)
@ExtendWith(FaceGateServer.class)
class AuthenticationIT {

    private static Tenant tenant;

    @BeforeAll
    static void registerClient() {
        tenant = Tenants.create("Auth Co");
    }

    @Test
    void keyAndSecretGiveAnAccessAndRefreshTokenThatOpenTheApi() {
        Api.Reply login = Api.anonymous().post("/api/core/auth/client/",
                "{\"api_key\":\"" + tenant.apiKey() + "\",\"api_secret\":\"" + tenant.apiSecret() + "\"}");
        assertEquals(200, login.status(), login::toString);
        JsonObject tokens = login.json();
        assertEquals("Bearer", tokens.getString("token_type"));
        assertTrue(tokens.getInt("expires_in") > 60);
        assertTrue(tokens.getString("refresh").startsWith("eyJ"));
        assertEquals(200, Api.bearer(tokens.getString("access")).get("/api/clients/users/").status());
    }

    @Test
    void wrongSecretUnknownKeyAndMissingFieldsAreRefusedWithJson() {
        Api.Reply wrong = Api.anonymous().post("/api/core/auth/client/",
                "{\"api_key\":\"" + tenant.apiKey() + "\",\"api_secret\":\"fgs_wrong\"}");
        assertEquals(401, wrong.status());
        assertEquals("invalid_credentials", wrong.json().getString("error"));
        assertEquals(401, Api.anonymous().post("/api/core/auth/client/", "{\"api_key\":\"fg_nobody\",\"api_secret\":\"x\"}").status());
        Api.Reply missing = Api.anonymous().post("/api/core/auth/client/", "{\"api_key\":\"" + tenant.apiKey() + "\"}");
        assertEquals(400, missing.status());
        assertEquals("missing_api_secret", missing.json().getString("error"));
    }

    @Test
    void seed003TokenWithKeyAloneMayOnlyStreamAndWithSecretIsFull() {
        Api.Reply browser = Api.anonymous().post("/api/auth/client/", "{\"api_key\":\"" + tenant.apiKey() + "\"}");
        assertEquals(200, browser.status(), browser::toString);
        assertEquals("session", browser.json().getString("scope"));
        assertTrue(Instant.parse(browser.json().getString("expires_at")).isAfter(Instant.now()));
        Api.Reply refused = Api.bearer(browser.json().getString("jwt_token")).get("/api/clients/users/");
        assertEquals(403, refused.status());
        assertEquals("forbidden", refused.json().getString("error"));

        Api.Reply full = Api.anonymous().post("/api/auth/client",
                "{\"api_key\":\"" + tenant.apiKey() + "\",\"api_secret\":\"" + tenant.apiSecret() + "\"}");
        assertEquals("full", full.json().getString("scope"));
        assertEquals(200, Api.bearer(full.json().getString("jwt_token")).get("/api/clients/users").status());
    }

    @Test
    void apiKeyHeaderFollowsTheSameScopeRules() {
        Api keyOnly = Api.anonymous().header("X-API-Key", tenant.apiKey());
        assertEquals(403, keyOnly.get("/api/clients/users/").status());
        Api keyAndSecret = keyOnly.header("X-API-Secret", tenant.apiSecret());
        Api.Reply first = keyAndSecret.get("/api/clients/users/");
        assertEquals(200, first.status(), first::toString);
        assertEquals(200, keyAndSecret.get("/api/clients/users/").status(), "second call uses the verified-credential cache");
        Api.Reply unknown = Api.anonymous().header("X-API-Key", "fg_unknown").get("/api/clients/users/");
        assertEquals(401, unknown.status());
        assertEquals(401, keyOnly.header("X-API-Secret", "wrong").get("/api/clients/users/").status());
    }

    @Test
    void tamperedExpiredForeignKeyAndGarbageTokensAreUnauthorized() throws Exception {
        String access = tenant.login();
        String[] parts = access.split("\\.");
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"client\",", "\"admin\",\"client\",").getBytes());
        assertUnauthorized(parts[0] + "." + forgedClaims + "." + parts[2]);
        assertUnauthorized(access.substring(0, access.length() - 4) + "AAAA");
        assertUnauthorized("not-a-token");

        JsonObject expiredClaims = Json.createObjectBuilder()
                .add("iss", "facegate").add("aud", "facegate-api").add("sub", tenant.id()).add("upn", tenant.id())
                .add("jti", "x").add("iat", Instant.now().minusSeconds(7200).getEpochSecond())
                .add("exp", Instant.now().minusSeconds(3600).getEpochSecond())
                .add("groups", Json.createArrayBuilder().add("client").add("session"))
                .add("scope", "full").add("tenant", tenant.id()).add("sgen", 1).build();
        assertUnauthorized(JsonWebTokens.sign(expiredClaims, serverPrivateKey()));

        JsonObject validClaims = Json.createObjectBuilder(expiredClaims)
                .add("exp", Instant.now().plusSeconds(600).getEpochSecond()).build();
        PrivateKey foreign = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        assertUnauthorized(JsonWebTokens.sign(validClaims, foreign));
        assertEquals(200, Api.bearer(JsonWebTokens.sign(validClaims, serverPrivateKey())).get("/api/clients/users/").status(),
                "the same claims signed with the server's key are accepted: the refusals above are about the signature and expiry");
    }

    @Test
    void refreshTokensRotateAndAReplayRevokesTheFamily() {
        JsonObject first = Api.anonymous().post("/api/core/auth/client/",
                "{\"api_key\":\"" + tenant.apiKey() + "\",\"api_secret\":\"" + tenant.apiSecret() + "\"}").json();
        Api.Reply second = Api.anonymous().post("/api/core/auth/refresh/", "{\"refresh\":\"" + first.getString("refresh") + "\"}");
        assertEquals(200, second.status(), second::toString);
        assertNotEquals(first.getString("refresh"), second.json().getString("refresh"));
        assertEquals(200, Api.bearer(second.json().getString("access")).get("/api/clients/users/").status());

        Api.Reply replay = Api.anonymous().post("/api/core/auth/refresh/", "{\"refresh\":\"" + first.getString("refresh") + "\"}");
        assertEquals(401, replay.status());
        assertEquals("refresh_token_reused", replay.json().getString("error"));
        Api.Reply successor = Api.anonymous().post("/api/core/auth/refresh/", "{\"refresh\":\"" + second.json().getString("refresh") + "\"}");
        assertEquals(401, successor.status(), "the replay revoked the whole family");
    }

    @Test
    void aRefreshTokenIsNotAnAccessToken() {
        String refresh = Api.anonymous().post("/api/core/auth/client/",
                "{\"api_key\":\"" + tenant.apiKey() + "\",\"api_secret\":\"" + tenant.apiSecret() + "\"}").json().getString("refresh");
        assertEquals(401, Api.bearer(refresh).get("/api/clients/users/").status());
    }

    @Test
    void rotatingTheSecretAndDisablingTheClientTakeEffectAtOnce() {
        Tenant rotating = Tenants.create("Rotating Co");
        Api admin = Api.bearer(Tenants.adminToken());
        Api.Reply rotated = admin.post("/api/core/clients/" + rotating.id() + "/rotate-secret/", "");
        assertEquals(200, rotated.status(), rotated::toString);
        Tenant renewed = new Tenant(rotating.id(), rotating.apiKey(), rotated.json().getString("api_secret"));
        assertEquals(401, Api.anonymous().post("/api/core/auth/client/",
                "{\"api_key\":\"" + rotating.apiKey() + "\",\"api_secret\":\"" + rotating.apiSecret() + "\"}").status());
        renewed.login();

        Api.Reply disabled = admin.post("/api/core/clients/" + rotating.id() + "/disable", "");
        assertEquals("disabled", disabled.json().getString("status"));
        assertEquals(401, Api.anonymous().post("/api/core/auth/client/",
                "{\"api_key\":\"" + renewed.apiKey() + "\",\"api_secret\":\"" + renewed.apiSecret() + "\"}").status());
        assertEquals(401, Api.anonymous().header("X-API-Key", renewed.apiKey()).header("X-API-Secret", renewed.apiSecret())
                .get("/api/clients/users/").status());
    }

    @Test
    void tokensIssuedBeforeARotationOrADisableAreRefusedAtTheirNextRequest() {
        Tenant revoked = Tenants.create("Revoked Co");
        Api admin = Api.bearer(Tenants.adminToken());
        JsonObject tokens = Api.anonymous().post("/api/core/auth/client/",
                "{\"api_key\":\"" + revoked.apiKey() + "\",\"api_secret\":\"" + revoked.apiSecret() + "\"}").json();
        Api beforeRotation = Api.bearer(tokens.getString("access"));
        Api browserBeforeRotation = Api.bearer(Api.anonymous().post("/api/auth/client/",
                "{\"api_key\":\"" + revoked.apiKey() + "\"}").json().getString("jwt_token"));
        assertEquals(200, beforeRotation.get("/api/clients/users/").status());

        String secret = admin.post("/api/core/clients/" + revoked.id() + "/rotate-secret/", "").json().getString("api_secret");
        Api.Reply refused = beforeRotation.get("/api/clients/users/");
        assertEquals(401, refused.status(), refused::toString);
        assertEquals("credentials_revoked", refused.json().getString("error"));
        assertEquals(401, browserBeforeRotation.post("/api/auth/enrollment/", "{\"user_id\":\"u1\"}").status(),
                "a browser token of the old secret is refused too");
        assertEquals(401, Api.anonymous().post("/api/core/auth/refresh/", "{\"refresh\":\"" + tokens.getString("refresh") + "\"}").status(),
                "and so is its refresh token");

        Tenant renewed = new Tenant(revoked.id(), revoked.apiKey(), secret);
        JsonObject fresh = Api.anonymous().post("/api/core/auth/client/",
                "{\"api_key\":\"" + renewed.apiKey() + "\",\"api_secret\":\"" + renewed.apiSecret() + "\"}").json();
        Api afterRotation = Api.bearer(fresh.getString("access"));
        Api headers = Api.anonymous().header("X-API-Key", renewed.apiKey()).header("X-API-Secret", renewed.apiSecret());
        assertEquals(200, afterRotation.get("/api/clients/users/").status());
        assertEquals(200, headers.get("/api/clients/users/").status());

        assertEquals(200, admin.post("/api/core/clients/" + revoked.id() + "/disable/", "").status());
        Api.Reply disabled = afterRotation.get("/api/clients/users/");
        assertEquals(403, disabled.status(), disabled::toString);
        assertEquals("client_disabled", disabled.json().getString("error"));
        assertEquals(401, headers.get("/api/clients/users/").status(), "API key headers of a disabled client are unknown credentials");
        assertEquals(401, Api.anonymous().post("/api/core/auth/refresh/", "{\"refresh\":\"" + fresh.getString("refresh") + "\"}").status(),
                "a disabled client's refresh token is refused");

        assertEquals(200, admin.patch("/api/core/clients/" + revoked.id() + "/", "{\"is_active\":true}").status());
        assertEquals(200, afterRotation.get("/api/clients/users/").status(), "re-enabling lets the current secret's tokens work again");
    }

    @Test
    void aPageFromAnOriginTheClientDidNotAllowIsRefusedOverRestToo() {
        Tenant guarded = Tenants.create("Guarded Rest Co");
        Api admin = Api.bearer(Tenants.adminToken());
        assertEquals(200, admin.patch("/api/core/clients/" + guarded.id() + "/", "{\"allowed_origins\":[\"https://app.guarded.example\"]}").status());
        Api browser = Api.bearer(Api.anonymous().post("/api/auth/client/", "{\"api_key\":\"" + guarded.apiKey() + "\"}").json().getString("jwt_token"));
        Api.Reply foreign = browser.header("Origin", "https://evil.example").post("/api/auth/enrollment/", "{\"user_id\":\"u1\"}");
        assertEquals(403, foreign.status(), foreign::toString);
        assertEquals("origin_not_allowed", foreign.json().getString("error"));
        assertEquals(201, browser.header("Origin", "https://app.guarded.example").post("/api/auth/enrollment/", "{\"user_id\":\"u1\"}").status());
        assertEquals(201, browser.post("/api/auth/enrollment/", "{\"user_id\":\"u2\"}").status(), "a backend sends no Origin");
    }

    @Test
    void theAdminCredentialManagesClientsOnly() {
        assertEquals(401, Api.anonymous().post("/api/core/auth/admin/", "{\"admin_token\":\"wrong\"}").status());
        Api admin = Api.bearer(Tenants.adminToken());
        Api.Reply list = admin.get("/api/core/clients/?limit=2");
        assertEquals(200, list.status());
        assertTrue(list.json().getInt("count") >= 1);
        assertTrue(list.json().getJsonArray("results").getJsonObject(0).isNull("api_secret"), "the secret is shown only once");
        assertEquals(200, admin.get("/api/core/clients/" + tenant.id()).status());
        assertEquals(403, admin.get("/api/clients/users/").status(), "the operator sees no tenant data");
    }

    private static void assertUnauthorized(String token) {
        Api.Reply reply = Api.bearer(token).get("/api/clients/users/");
        assertEquals(401, reply.status(), () -> "token should be refused: " + reply);
        assertTrue(reply.contentType().startsWith("application/json"), reply::toString);
        assertEquals("unauthorized", reply.json().getString("error"));
    }

    private static PrivateKey serverPrivateKey() throws Exception {
        String pem = Files.readString(FaceGateServer.dataDirectory().resolve("keys/jwt-private.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}

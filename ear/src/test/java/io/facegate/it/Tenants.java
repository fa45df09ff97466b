package io.facegate.it;

import jakarta.json.JsonObject;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Creates clients through the admin API and logs in as them: the steps every test needs. */
public final class Tenants {

    private Tenants() {
    }

    /** A registered client with its credentials. */
    public record Tenant(String id, String apiKey, String apiSecret) {

        public String login() {
            Api.Reply reply = Api.anonymous().post("/api/core/auth/client/",
                    "{\"api_key\":\"" + apiKey + "\",\"api_secret\":\"" + apiSecret + "\"}");
            assertEquals(200, reply.status(), reply::toString);
            return reply.json().getString("access");
        }

        public Api api() {
            return Api.bearer(login());
        }
    }

    public static String adminToken() {
        Api.Reply reply = Api.anonymous().post("/api/core/auth/admin/", "{\"admin_token\":\"" + FaceGateServer.ADMIN_TOKEN + "\"}");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getString("access");
    }

    public static Tenant create(String name) {
        Api.Reply reply = Api.bearer(adminToken()).post("/api/core/clients/", "{\"name\":\"" + name + "\"}");
        assertEquals(201, reply.status(), reply::toString);
        JsonObject client = reply.json();
        return new Tenant(client.getString("id"), client.getString("api_key"), client.getString("api_secret"));
    }
}

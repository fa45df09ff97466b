package io.facegate.it;

import io.facegate.it.Tenants.Tenant;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Another client's ids look exactly like missing ones (OWASP API1: object-level authorization). */
@Order(3)
@ExtendWith(FaceGateServer.class)
class TenantIsolationIT {

    private static Api owner;
    private static Api stranger;
    private static String userId;

    @BeforeAll
    static void twoTenants() {
        owner = Tenants.create("Owner Co").api();
        stranger = Tenants.create("Stranger Co").api();
        Api.Reply created = owner.post("/api/clients/users/",
                "{\"external_user_id\":\"alice\",\"display_name\":\"Alice\",\"metadata\":{\"team\":\"blue\"}}");
        assertEquals(201, created.status(), created::toString);
        userId = created.json().getString("id");
    }

    @Test
    void theOwnerSeesAndEditsItsUser() {
        JsonObject user = owner.get("/api/clients/users/" + userId + "/").json();
        assertEquals("alice", user.getString("external_user_id"));
        assertEquals(false, user.getBoolean("is_enrolled"));
        assertEquals(true, user.isNull("profile_image_url"));
        assertEquals("blue", user.getJsonObject("metadata").getString("team"));
        Api.Reply patched = owner.patch("/api/clients/users/" + userId, "{\"display_name\":\"Alice B.\"}");
        assertEquals("Alice B.", patched.json().getString("display_name"));
        assertEquals("blue", patched.json().getJsonObject("metadata").getString("team"), "omitted fields are kept");
        assertEquals(409, owner.post("/api/clients/users/", "{\"external_user_id\":\"alice\"}").status());
        assertEquals(1, owner.get("/api/clients/users/?search=ALI").json().getInt("count"));
    }

    @Test
    void anotherTenantGets404ForEveryOperation() {
        String path = "/api/clients/users/" + userId + "/";
        String missing = "/api/clients/users/" + UUID.randomUUID() + "/";
        for (String target : new String[]{path, missing}) {
            Api.Reply get = stranger.get(target);
            assertEquals(404, get.status());
            assertEquals("not_found", get.json().getString("error"));
            assertEquals(get.body(), stranger.get(missing).body(), "a foreign id reads exactly like a missing one");
            assertEquals(404, stranger.patch(target, "{\"display_name\":\"Mallory\"}").status());
            assertEquals(404, stranger.put(target, "{\"display_name\":\"Mallory\"}").status());
            assertEquals(404, stranger.delete(target).status());
        }
        assertEquals(0, stranger.get("/api/clients/users/").json().getInt("count"));
        assertEquals("Alice", owner.get(path).json().getString("display_name").substring(0, 5), "nothing of the owner's changed");
        assertEquals(404, stranger.get("/api/clients/users/not-a-uuid/").status());
    }

    @Test
    void deletingAUserRemovesIt() {
        String id = owner.post("/api/clients/users/", "{\"external_user_id\":\"bob\"}").json().getString("id");
        assertEquals(204, owner.delete("/api/clients/users/" + id + "/").status());
        assertEquals(404, owner.get("/api/clients/users/" + id + "/").status());
    }
}

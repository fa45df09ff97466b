package io.facegate.it;

import io.facegate.it.Tenants.Tenant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs last: a server restart keeps clients, their users and the signing keys. */
@Order(Integer.MAX_VALUE)
@ExtendWith(FaceGateServer.class)
class RestartIT {

    @Test
    void dataAndTokensSurviveARestart() throws Exception {
        Tenant tenant = Tenants.create("Durable Co");
        Api before = tenant.api();
        String userId = before.post("/api/clients/users/", "{\"external_user_id\":\"carol\"}").json().getString("id");

        FaceGateServer.restart();

        assertEquals("carol", before.get("/api/clients/users/" + userId).json().getString("external_user_id"),
                "a token issued before the restart is still valid");
        assertEquals(200, tenant.api().get("/api/clients/users/" + userId).status());
    }
}

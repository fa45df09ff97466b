package io.facegate.web.http;

import io.facegate.system.FaceGateException;

import java.util.UUID;

/** Path ids: a malformed id is as unknown as a missing one (404), not a 500. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw FaceGateException.notFound(what);
        }
    }
}

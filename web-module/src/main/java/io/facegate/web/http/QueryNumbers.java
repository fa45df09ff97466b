package io.facegate.web.http;

import io.facegate.system.FaceGateException;

/** Whole-number query parameters (paging): text that is no number is a 400, where an int parameter would make it a 404. */
public final class QueryNumbers {

    private QueryNumbers() {
    }

    public static int parse(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw FaceGateException.invalid("invalid_" + name, name + " must be a whole number");
        }
    }
}

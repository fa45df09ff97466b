package io.facegate.domain.facetasks;

import java.util.Arrays;
import java.util.Optional;

/** What a face task does; its ids read {@code <prefix>_<uuid>} as seed 004 shows them. */
public enum FaceTaskKind {
    ENROLL("enroll"),
    VERIFY("verify"),
    BULK_VERIFY("bulk");

    private final String prefix;

    FaceTaskKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** The kind a task id names by its prefix. */
    public static Optional<FaceTaskKind> ofTaskId(String taskId) {
        return Arrays.stream(values()).filter(k -> taskId != null && taskId.startsWith(k.prefix + "_")).findFirst();
    }
}

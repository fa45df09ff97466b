package io.facegate.identification;

import java.util.UUID;

/** An enrolled person whose template is at least as similar to the probe as the search threshold. */
public record GalleryMatch(UUID clientUserId, double similarity) {
}

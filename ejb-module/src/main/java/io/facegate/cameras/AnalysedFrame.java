package io.facegate.cameras;

import java.util.List;

/** One camera frame's faces, as recognition saw them. */
public record AnalysedFrame(int width, int height, List<FaceSighting> sightings) {

    /** The faces' mean quality, or null without a face. */
    public Double meanQuality() {
        return sightings.isEmpty() ? null : sightings.stream().mapToDouble(s -> s.finding().quality()).average().orElseThrow();
    }
}

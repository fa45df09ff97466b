package io.facegate.facetasks;

import java.util.List;

/** The faces found in one image of a verify task. */
record FrameFindings(VerifyRequest.Frame frame, int facesDetected, List<FaceFinding> faces) {
}

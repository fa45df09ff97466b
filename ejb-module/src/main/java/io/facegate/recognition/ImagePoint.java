package io.facegate.recognition;

/** A point in image pixels (x to the right, y down, origin at the top-left corner). */
public record ImagePoint(double x, double y) {
}

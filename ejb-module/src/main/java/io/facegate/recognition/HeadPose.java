package io.facegate.recognition;

/** Head rotation in degrees from the pose model: yaw (turn), pitch (nod), roll (tilt). */
public record HeadPose(double yaw, double pitch, double roll) {
}

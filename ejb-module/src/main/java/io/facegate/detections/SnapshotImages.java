package io.facegate.detections;

import io.facegate.domain.detections.DetectionEvent.Box;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The face cut out of a frame, with a margin around the box, as JPEG. */
final class SnapshotImages {

    private static final double MARGIN = 0.25;

    private SnapshotImages() {
    }

    /** The crop, or null when the frame cannot be read (the frame snapshot is kept regardless). */
    static byte[] faceCrop(byte[] frameJpeg, Box box) {
        try {
            BufferedImage frame = ImageIO.read(new ByteArrayInputStream(frameJpeg));
            if (frame == null) {
                return null;
            }
            int marginX = (int) ((box.right() - box.left()) * MARGIN);
            int marginY = (int) ((box.bottom() - box.top()) * MARGIN);
            int left = Math.max(0, box.left() - marginX);
            int top = Math.max(0, box.top() - marginY);
            int right = Math.min(frame.getWidth(), box.right() + marginX);
            int bottom = Math.min(frame.getHeight(), box.bottom() + marginY);
            if (right <= left || bottom <= top) {
                return null;
            }
            BufferedImage crop = new BufferedImage(right - left, bottom - top, BufferedImage.TYPE_3BYTE_BGR);
            crop.getGraphics().drawImage(frame.getSubimage(left, top, right - left, bottom - top), 0, 0, null);
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(crop, "jpg", jpeg);
            return jpeg.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

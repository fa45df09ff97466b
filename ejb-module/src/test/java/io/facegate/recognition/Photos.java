package io.facegate.recognition;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Real photos made worse the way cameras make them worse (blur, darkness, over-exposure, a small
 * face in a large frame), re-encoded as a webcam would send them: for the quality gates' tests and
 * their benchmark.
 */
public final class Photos {

    private Photos() {
    }

    /**
     * @param kind     blur (level: Gaussian sigma as a fraction of the face side), dark and bright (level:
     *                 factor on every channel), small (level: face side in pixels), dim-soft (dark, then a
     *                 blur of 3 % of the face side)
     * @param faceSide the face's side in the original, pixels
     */
    public static BufferedImage degrade(String kind, double level, BufferedImage image, double faceSide) {
        return switch (kind) {
            case "blur" -> blur(image, level * faceSide);
            case "dark", "bright" -> scale(image, level);
            case "small" -> shrink(image, level / faceSide);
            case "dim-soft" -> blur(scale(image, level), 0.03 * faceSide);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    public static BufferedImage blur(BufferedImage image, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] kernel = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        BufferedImage padded = pad(image, radius);
        BufferedImage h = new ConvolveOp(new Kernel(kernel.length, 1, kernel), ConvolveOp.EDGE_NO_OP, null).filter(padded, null);
        BufferedImage v = new ConvolveOp(new Kernel(1, kernel.length, kernel), ConvolveOp.EDGE_NO_OP, null).filter(h, null);
        return v.getSubimage(radius, radius, image.getWidth(), image.getHeight());
    }

    /** The image with its border pixels repeated {@code radius} times, so the blur does not darken the edges. */
    private static BufferedImage pad(BufferedImage image, int radius) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage padded = new BufferedImage(w + 2 * radius, h + 2 * radius, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < padded.getHeight(); y++) {
            for (int x = 0; x < padded.getWidth(); x++) {
                padded.setRGB(x, y, image.getRGB(Math.max(0, Math.min(w - 1, x - radius)), Math.max(0, Math.min(h - 1, y - radius))));
            }
        }
        return padded;
    }

    /** Every channel multiplied by {@code k}, clipped to 255. */
    public static BufferedImage scale(BufferedImage image, double k) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (int) Math.min(255, Math.round(((rgb >> 16) & 0xFF) * k));
                int g = (int) Math.min(255, Math.round(((rgb >> 8) & 0xFF) * k));
                int b = (int) Math.min(255, Math.round((rgb & 0xFF) * k));
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    /** The image scaled by {@code factor} (area-averaged) and centred in a 640x480 mid-grey frame. */
    public static BufferedImage shrink(BufferedImage image, double factor) {
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        java.awt.Image scaled = image.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING);
        BufferedImage frame = new BufferedImage(Math.max(640, w), Math.max(480, h), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, frame.getWidth(), frame.getHeight());
        g.drawImage(scaled, (frame.getWidth() - w) / 2, (frame.getHeight() - h) / 2, null);
        g.dispose();
        return frame;
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(bytes));
            BufferedImage rgb = new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(read, 0, 0, null);
            g.dispose();
            return rgb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JPEG quality 80, what the streaming guide tells webcam clients to send. */
    public static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.8f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }


    /**
     * {@code portrait} with {@code bystander} beside it, at its top right, scaled so that the
     * bystander's face side is {@code relativeSide} times the portrait's.
     */
    public static BufferedImage withBystander(BufferedImage portrait, double portraitFace, BufferedImage bystander, double bystanderFace,
                                              double relativeSide) {
        double scale = relativeSide * portraitFace / bystanderFace;
        int w = (int) (bystander.getWidth() * scale);
        int h = (int) (bystander.getHeight() * scale);
        BufferedImage both = new BufferedImage(portrait.getWidth() + w, Math.max(portrait.getHeight(), h), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(portrait, 0, 0, null);
        g.drawImage(bystander, portrait.getWidth(), 0, w, h, null);
        g.dispose();
        return both;
    }
}

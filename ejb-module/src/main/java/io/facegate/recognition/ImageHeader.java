package io.facegate.recognition;

import java.util.Optional;

/**
 * Format and dimensions read from an image's first bytes, so the decoder can refuse a
 * decompression bomb (a small file declaring a huge canvas) before allocating any pixels.
 */
record ImageHeader(ImageFormat format, long width, long height) {

    enum ImageFormat { JPEG, PNG, GIF, BMP, WEBP }

    long pixels() {
        return width * height;
    }

    /** The format from the magic bytes, or empty when the bytes are none of the supported formats. */
    static Optional<ImageFormat> sniff(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(ImageFormat.PNG);
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8') && (startsWith(b, 4, '7', 'a') || startsWith(b, 4, '9', 'a'))) {
            return Optional.of(ImageFormat.GIF);
        }
        if (startsWith(b, 0, 'B', 'M')) {
            return Optional.of(ImageFormat.BMP);
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(ImageFormat.WEBP);
        }
        return Optional.empty();
    }

    /** The declared dimensions, or empty when the header is cut short or malformed. */
    static Optional<ImageHeader> read(ImageFormat format, byte[] b) {
        try {
            ImageHeader header = switch (format) {
                case PNG -> startsWith(b, 12, 'I', 'H', 'D', 'R')
                        ? new ImageHeader(format, u32be(b, 16), u32be(b, 20)) : null;
                case GIF -> new ImageHeader(format, u16le(b, 6), u16le(b, 8));
                case BMP -> bmp(b);
                case WEBP -> webp(b);
                case JPEG -> jpeg(b);
            };
            return Optional.ofNullable(header).filter(h -> h.width > 0 && h.height > 0);
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return Optional.empty();
        }
    }

    private static ImageHeader bmp(byte[] b) {
        long dibSize = u32le(b, 14);
        if (dibSize == 12) { // OS/2 BITMAPCOREHEADER: 16-bit sizes
            return new ImageHeader(ImageFormat.BMP, u16le(b, 18), u16le(b, 20));
        }
        // Height is negative for top-down bitmaps.
        return new ImageHeader(ImageFormat.BMP, Math.abs((long) (int) u32le(b, 18)), Math.abs((long) (int) u32le(b, 22)));
    }

    private static ImageHeader webp(byte[] b) {
        if (startsWith(b, 12, 'V', 'P', '8', ' ')) { // lossy: 14-bit sizes after the frame tag
            return new ImageHeader(ImageFormat.WEBP, u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF);
        }
        if (startsWith(b, 12, 'V', 'P', '8', 'L')) { // lossless: 14-bit (size - 1) fields, bit-packed
            long bits = u32le(b, 21);
            return new ImageHeader(ImageFormat.WEBP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }
        if (startsWith(b, 12, 'V', 'P', '8', 'X')) { // extended: 24-bit (size - 1) canvas
            return new ImageHeader(ImageFormat.WEBP, u24le(b, 24) + 1, u24le(b, 27) + 1);
        }
        return null;
    }

    /** Walks the marker segments up to the first start-of-frame, which holds the size. */
    private static ImageHeader jpeg(byte[] b) {
        int i = 2;
        while (true) {
            while ((b[i] & 0xFF) != 0xFF) {
                i++;
            }
            while ((b[i] & 0xFF) == 0xFF) { // fill bytes
                i++;
            }
            int marker = b[i] & 0xFF;
            i++;
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // markers without a length
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return null; // end of image or start of scan before any frame header
            }
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return new ImageHeader(ImageFormat.JPEG, u16be(b, i + 5), u16be(b, i + 3));
            }
            i += u16be(b, i);
        }
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u24le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (long) (b[i + 2] & 0xFF) << 16;
    }

    private static long u32be(byte[] b, int i) {
        return (long) u16be(b, i) << 16 | u16be(b, i + 2);
    }

    private static long u32le(byte[] b, int i) {
        return u16le(b, i) | (long) u16le(b, i + 2) << 16;
    }
}

package io.facegate.recognition;

import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(ImageDecoder.DEFAULT_MAX_BYTES, ImageDecoder.DEFAULT_MAX_PIXELS);

    @ParameterizedTest
    @ValueSource(strings = {"einstein.jpeg", "einstein.png", "einstein.bmp", "einstein.webp", "einstein.gif"})
    void decodesEveryFormatToTheSameRgbPicture(String file) {
        try (DecodedImage image = decoder.decode("image", TestData.bytes(TestData.data("detection/formats_single_face/" + file)));
             DecodedImage reference = decoder.decode("image", TestData.bytes(TestData.data("detection/formats_single_face/einstein.png")))) {
            assertEquals(256, image.width());
            assertEquals(256, image.height());
            assertEquals(3, image.rgb().channels());
            // Same photo in every format: lossy codecs and the GIF palette stay close to the PNG.
            byte[] a = Tensors.bytes(image.rgb());
            byte[] b = Tensors.bytes(reference.rgb());
            double diff = 0;
            for (int i = 0; i < a.length; i++) {
                diff += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
            }
            assertTrue(diff / a.length < 12, file + " differs from the PNG by " + diff / a.length + " per channel");
        }
    }

    @Test
    void keepsRgbChannelOrder() {
        // einstein.jpeg is grey; a PNG with a pure red pixel tells the channel order apart.
        byte[] png = png(1, 1, new byte[]{0, (byte) 255, 0, 0, (byte) 255}); // filter byte, then R G B A
        try (DecodedImage image = decoder.decode("image", png)) {
            byte[] pixel = Tensors.bytes(image.rgb());
            assertEquals(255, pixel[0] & 0xFF, "red first");
            assertEquals(0, pixel[2] & 0xFF);
        }
    }

    @Test
    void refusesTheBrokenFiles() {
        assertRefused(ErrorKind.UNPROCESSABLE, "invalid_image", "detection/invalid_images/corrupted.png");
        assertRefused(ErrorKind.UNPROCESSABLE, "invalid_image", "detection/invalid_images/truncated.jpg");
        assertRefused(ErrorKind.UNPROCESSABLE, "unsupported_image_format", "detection/invalid_images/empty.png");
    }

    @Test
    void refusesTruncatedCopiesOfEveryFormat() {
        for (String file : new String[]{"einstein.jpeg", "einstein.png", "einstein.webp", "einstein.gif", "einstein.bmp"}) {
            byte[] bytes = TestData.bytes(TestData.data("detection/formats_single_face/" + file));
            for (int length : new int[]{8, 40, bytes.length / 2}) {
                byte[] cut = Arrays.copyOf(bytes, length);
                FaceGateException refused = assertThrows(FaceGateException.class, () -> decoder.decode("image", cut).close(),
                        file + " cut to " + length + " bytes");
                assertEquals(ErrorKind.UNPROCESSABLE, refused.kind(), file + " cut to " + length);
            }
        }
    }

    @Test
    void refusesEmptyAndNonImageInput() {
        assertEquals(ErrorKind.INVALID_REQUEST, assertThrows(FaceGateException.class, () -> decoder.decode("image", new byte[0])).kind());
        FaceGateException text = assertThrows(FaceGateException.class, () -> decoder.decode("image", "hello world".getBytes()));
        assertEquals("unsupported_image_format", text.code());
    }

    @Test
    void refusesTooManyBytes() {
        ImageDecoder small = new ImageDecoder(1000, ImageDecoder.DEFAULT_MAX_PIXELS);
        byte[] jpeg = TestData.bytes(TestData.data("detection/formats_single_face/einstein.jpeg"));
        FaceGateException refused = assertThrows(FaceGateException.class, () -> small.decode("image", jpeg));
        assertEquals(ErrorKind.PAYLOAD_TOO_LARGE, refused.kind());
        assertEquals("image_too_large", refused.code());
        String base64 = Base64.getEncoder().encodeToString(jpeg);
        assertEquals(ErrorKind.PAYLOAD_TOO_LARGE, assertThrows(FaceGateException.class, () -> small.decodeText("image", base64)).kind());
    }

    /** A decompression bomb: a tiny PNG declaring 100000 x 100000 pixels is refused from its header. */
    @Test
    void refusesTooManyPixelsBeforeDecoding() {
        byte[] bomb = png(100_000, 100_000, new byte[0]);
        assertTrue(bomb.length < 100);
        FaceGateException refused = assertThrows(FaceGateException.class, () -> decoder.decode("image", bomb));
        assertEquals(ErrorKind.PAYLOAD_TOO_LARGE, refused.kind());
        assertEquals("image_too_many_pixels", refused.code());
    }

    @Test
    void readsDimensionsFromEveryHeader() {
        for (String file : new String[]{"einstein.jpeg", "einstein.png", "einstein.webp", "einstein.gif", "einstein.bmp"}) {
            byte[] bytes = TestData.bytes(TestData.data("detection/formats_single_face/" + file));
            ImageHeader header = ImageHeader.read(ImageHeader.sniff(bytes).orElseThrow(), bytes).orElseThrow();
            assertEquals(256, header.width(), file);
            assertEquals(256, header.height(), file);
        }
    }

    @Test
    void decodesDataUrlsAndPlainBase64() {
        byte[] jpeg = TestData.bytes(TestData.data("detection/formats_single_face/einstein.jpeg"));
        String base64 = Base64.getEncoder().encodeToString(jpeg);
        try (DecodedImage plain = decoder.decodeText("image", base64);
             DecodedImage dataUrl = decoder.decodeText("image", "data:image/jpeg;base64," + base64);
             DecodedImage wrapped = decoder.decodeText("image", Base64.getMimeEncoder().encodeToString(jpeg));
             DecodedImage urlSafe = decoder.decodeText("image", Base64.getUrlEncoder().encodeToString(jpeg))) {
            for (DecodedImage image : new DecodedImage[]{plain, dataUrl, wrapped, urlSafe}) {
                assertEquals(256, image.width());
            }
        }
    }

    @Test
    void readsAnUploadAsFileOrAsText() {
        byte[] jpeg = TestData.bytes(TestData.data("detection/formats_single_face/einstein.jpeg"));
        byte[] bmp = TestData.bytes(TestData.data("detection/formats_single_face/einstein.bmp"));
        byte[] dataUrl = ("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg)).getBytes();
        for (byte[] upload : new byte[][]{jpeg, bmp, dataUrl}) {
            try (DecodedImage image = decoder.decodeUpload("image", upload)) {
                assertEquals(256, image.width());
            }
        }
        assertEquals("unsupported_image_format", assertThrows(FaceGateException.class,
                () -> decoder.decodeUpload("image", new byte[]{0, 1, 2, 3})).code());
    }

    @Test
    void explainsBrokenBase64() {
        FaceGateException refused = assertThrows(FaceGateException.class, () -> decoder.decodeText("source_image", "not*base64!"));
        assertEquals(ErrorKind.INVALID_REQUEST, refused.kind());
        assertEquals("invalid_base64", refused.code());
        assertTrue(refused.getMessage().contains("source_image"));
        assertEquals("invalid_data_url", assertThrows(FaceGateException.class,
                () -> decoder.decodeText("image", "data:image/png,abc")).code());
        assertEquals(ErrorKind.UNSUPPORTED_MEDIA_TYPE, assertThrows(FaceGateException.class,
                () -> decoder.decodeText("image", "data:text/plain;base64,aGVsbG8=")).kind());
        assertEquals("missing_image", assertThrows(FaceGateException.class, () -> decoder.decodeText("image", " ")).code());
    }

    private void assertRefused(ErrorKind kind, String code, String file) {
        FaceGateException refused = assertThrows(FaceGateException.class,
                () -> decoder.decode("image", TestData.bytes(TestData.data(file))).close(), file);
        assertEquals(kind, refused.kind(), file);
        assertEquals(code, refused.code(), file);
    }

    /** A minimal 8-bit RGBA PNG: signature, IHDR, one stored-deflate IDAT of {@code rows} (empty = header only). */
    private static byte[] png(int width, int height, byte[] rows) {
        ByteBuffer out = ByteBuffer.allocate(128 + rows.length * 2);
        out.put(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        if (rows.length > 0) {
            java.util.zip.Deflater deflater = new java.util.zip.Deflater();
            deflater.setInput(rows);
            deflater.finish();
            byte[] compressed = new byte[rows.length + 64];
            int n = deflater.deflate(compressed);
            chunk(out, "IDAT", Arrays.copyOf(compressed, n));
            chunk(out, "IEND", new byte[0]);
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    private static void chunk(ByteBuffer out, String type, byte[] data) {
        out.putInt(data.length);
        byte[] typeBytes = type.getBytes();
        out.put(typeBytes).put(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.putInt((int) crc.getValue());
    }
}

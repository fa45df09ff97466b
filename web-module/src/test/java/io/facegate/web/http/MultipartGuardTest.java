package io.facegate.web.http;

import io.facegate.system.FaceGateException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultipartGuardTest {

    private static final String B = "xyz";

    @Test
    void aWellFramedBodyPassesWhateverItsFilesHold() {
        String body = "--xyz\r\nContent-Disposition: form-data; name=\"session_token\"\r\n\r\nfs_1\r\n"
                + "--xyz\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
                + "\u00ff\u00d8--xy\r\n\r\n\u0000binary\r\n--xyz--\r\n";
        MultipartGuard.check(body.getBytes(StandardCharsets.ISO_8859_1), B);
    }

    @Test
    void aBodyWithoutBoundaryPartsOrNamesIsA400SayingSo() {
        assertWhy("no boundary", "--xyz--\r\n", null);
        assertWhy("no parts", "--xyz--\r\n", B);
        assertWhy("no parts", "", B);
        assertWhy("no Content-Disposition", "--xyz\r\nContent-Type: text/plain\r\n\r\nx\r\n--xyz--\r\n", B);
        assertWhy("no end of its headers", "--xyz\r\nContent-Disposition: form-data; name=\"a\"", B);
    }

    private static void assertWhy(String why, String body, String boundary) {
        FaceGateException refused = assertThrows(FaceGateException.class,
                () -> MultipartGuard.check(body.getBytes(StandardCharsets.ISO_8859_1), boundary));
        assertEquals("invalid_multipart", refused.code());
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }
}

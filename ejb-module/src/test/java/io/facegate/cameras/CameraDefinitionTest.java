package io.facegate.cameras;

import io.facegate.domain.cameras.CameraSettings;
import io.facegate.domain.cameras.CameraSourceKind;
import io.facegate.system.FaceGateException;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CameraDefinitionTest {

    private static final UnaryOperator<String> SEAL = plain -> "sealed:" + plain;

    @Test
    void anEsp32IsDescribedByItsAddressAlone() {
        CameraSettings esp32 = definition("Door", "192.168.1.100", null, null, null, null).settle(null, null, SEAL);
        assertEquals(CameraSourceKind.MJPEG, esp32.sourceKind());
        assertEquals("http://192.168.1.100:81/stream", esp32.streamUrl());
        assertEquals("http://192.168.1.100/capture", esp32.snapshotUrl(), "the fallback when the stream is busy");
        assertEquals(CameraSettings.DEFAULT_DETECT_FPS, esp32.detectFps());
        assertEquals(CameraSettings.DEFAULT_MIN_FACE_SIZE, esp32.minFaceSize());
        assertTrue(esp32.active());

        CameraSettings capture = definition("Door", "192.168.1.100", null, "snapshot", null, null).settle(null, null, SEAL);
        assertEquals("http://192.168.1.100/capture", capture.streamUrl());
        assertNull(capture.snapshotUrl());
    }

    @Test
    void credentialsAreMovedOutOfTheUrlAndSealed() {
        CameraSettings rtsp = definition("Library", "192.168.1.101", "rtsp://admin:p%40ss@192.168.1.101:554/stream", null, null, null)
                .settle(null, null, SEAL);
        assertEquals(CameraSourceKind.RTSP, rtsp.sourceKind());
        assertEquals("rtsp://192.168.1.101:554/stream", rtsp.streamUrl());
        assertEquals("admin", rtsp.username());
        assertEquals("sealed:p@ss", rtsp.passwordSealed());
        assertNull(rtsp.snapshotUrl());

        CameraSettings explicit = definition("Library", null, "rtsp://admin:old@cam.lan/stream", null, "operator", "new")
                .settle(null, null, SEAL);
        assertEquals("operator", explicit.username(), "explicit fields win over the URL's");
        assertEquals("sealed:new", explicit.passwordSealed());
    }

    @Test
    void aChangeKeepsWhatItDoesNotName() {
        CameraSettings base = definition("Door", null, "http://cam.lan:81/stream", null, "admin", "secret").settle(null, null, SEAL);
        CameraSettings renamed = new CameraDefinition(null, "Front door", null, null, null, null, null, null, null, false, 2, 0.5, 80, 10)
                .settle(base, null, SEAL);
        assertEquals("Front door", renamed.name());
        assertEquals(base.streamUrl(), renamed.streamUrl());
        assertEquals(base.snapshotUrl(), renamed.snapshotUrl());
        assertEquals("sealed:secret", renamed.passwordSealed());
        assertFalse(renamed.active());
        assertEquals(2, renamed.detectFps());
        assertEquals(0.5, renamed.matchThreshold());

        CameraSettings noPassword = new CameraDefinition(null, null, null, null, null, null, null, null, "", null, null, null, null, null)
                .settle(base, null, SEAL);
        assertNull(noPassword.passwordSealed(), "an empty password removes it");
        assertEquals("admin", noPassword.username());
    }

    @Test
    void aReplacementResetsSettingsButKeepsCredentials() {
        CameraSettings base = new CameraDefinition("CAM1", "Door", null, null, "http://cam.lan:81/stream", null, null, "admin", "secret",
                false, 9, 0.6, 90, 5).settle(null, null, SEAL);
        CameraSettings replaced = definition("Door 2", null, "http://cam.lan:81/stream", null, null, null).settle(null, base, SEAL);
        assertEquals("sealed:secret", replaced.passwordSealed());
        assertEquals("admin", replaced.username());
        assertTrue(replaced.active());
        assertEquals(CameraSettings.DEFAULT_DETECT_FPS, replaced.detectFps());
        assertNull(replaced.matchThreshold());
    }

    @Test
    void refusalsNameTheField() {
        assertEquals("missing_stream_url", assertThrows(FaceGateException.class,
                () -> definition("Door", null, null, null, null, null).settle(null, null, SEAL)).code());
        assertEquals("missing_stream_url", assertThrows(FaceGateException.class,
                () -> definition("Door", "10.0.0.1", null, "rtsp", null, null).settle(null, null, SEAL)).code());
        FaceGateException noName = assertThrows(FaceGateException.class,
                () -> definition(null, "10.0.0.1", null, null, null, null).settle(null, null, SEAL));
        assertEquals("invalid_camera", noName.code());
        assertTrue(noName.getMessage().contains("name"), noName.getMessage());
        assertEquals("invalid_source_kind", assertThrows(FaceGateException.class,
                () -> definition("Door", "10.0.0.1", null, "webcam", null, null).settle(null, null, SEAL)).code());
    }

    private static CameraDefinition definition(String name, String ip, String url, String kind, String user, String password) {
        return new CameraDefinition("CAM1", name, null, ip, url, null, kind, user, password, null, null, null, null, null);
    }
}

package io.facegate.profiles;

import io.facegate.enrollment.TemplateVault;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.system.FaceGateException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaceSourcesTest {

    @Test
    void anotherModelsEncodingIsRefusedWithA422AskingForAPhoto() {
        FaceGateException refused = assertThrows(FaceGateException.class, () -> FaceSources.fromEmbedding(values(128), null));
        assertEquals(422, refused.kind().httpStatus());
        assertEquals("foreign_encoding", refused.code());
        assertTrue(refused.getMessage().contains("send a photo"), refused.getMessage());
        assertEquals(128, refused.details().get("received_dimensions"));
        // the right size is not enough: the model must be named
        assertEquals("foreign_encoding", assertThrows(FaceGateException.class, () -> FaceSources.fromEmbedding(values(512), "dlib")).code());
    }

    @Test
    void faceGatesOwnEmbeddingIsTakenNormalised() {
        FaceSources.Face face = FaceSources.fromEmbedding(values(FaceEmbedding.DIMENSIONS), TemplateVault.EMBEDDING_MODEL);
        assertNull(face.profileJpeg());
        assertEquals(1.0, face.embedding().similarity(face.embedding()), 1e-5);
    }

    @Test
    void aMissingNumberIsAnInvalidEncoding() {
        List<Double> values = new ArrayList<>(values(FaceEmbedding.DIMENSIONS));
        values.set(7, null);
        assertEquals("invalid_encoding", assertThrows(FaceGateException.class,
                () -> FaceSources.fromEmbedding(values, TemplateVault.EMBEDDING_MODEL)).code());
        assertEquals("invalid_encoding", assertThrows(FaceGateException.class,
                () -> FaceSources.fromEmbedding(Collections.nCopies(512, Double.NaN), TemplateVault.EMBEDDING_MODEL)).code());
    }

    private static List<Double> values(int dimensions) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < dimensions; i++) {
            values.add(Math.sin(i + 1) * 3);
        }
        return values;
    }
}

package io.facegate.enrollment;

import io.facegate.recognition.FaceEmbedding;
import io.facegate.crypto.MasterKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * Seals face embeddings for storage (AES-GCM with the server master key) and opens them again.
 * The sealed form is authenticated and bound to its owner's id: a row edited or copied to another
 * person in the database fails to open instead of matching someone else.
 */
@ApplicationScoped
public class TemplateVault {

    /** Names the model family the stored vectors come from, so a future model can tell them apart. */
    public static final String EMBEDDING_MODEL = "fr_feature-512-v1";

    @Inject
    MasterKey masterKey;

    public byte[] seal(FaceEmbedding embedding, UUID owner) {
        ByteBuffer buffer = ByteBuffer.allocate(FaceEmbedding.DIMENSIONS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(embedding.values());
        return masterKey.seal(buffer.array(), owner.toString());
    }

    public FaceEmbedding open(byte[] sealed, UUID owner) {
        float[] values = new float[FaceEmbedding.DIMENSIONS];
        ByteBuffer.wrap(masterKey.unseal(sealed, owner.toString())).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return new FaceEmbedding(values);
    }
}

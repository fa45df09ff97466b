package io.facegate.profiles;

import io.facegate.attendance.RecognitionGate;
import io.facegate.enrollment.EnrollmentSettings;
import io.facegate.enrollment.TemplateVault;
import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.DetectedFace;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceEmbedding;
import io.facegate.recognition.FaceEngine;
import io.facegate.recognition.QualityIssue;
import io.facegate.system.ErrorKind;
import io.facegate.system.FaceGateException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A person's face as a client gives it, turned into FaceGate's own template: a photo (upload, data
 * URL or a URL fetched under the egress policy) showing exactly one good face, or an embedding that
 * FaceGate's model computed. Analysis runs outside any transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FaceSources {

    private static final int PROFILE_JPEG_QUALITY = 90;

    @Inject
    FaceEngine engine;

    @Inject
    ImageFetcher fetcher;

    @Inject
    EnrollmentSettings enrollmentSettings;

    /**
     * A face ready to be enrolled.
     *
     * @param profileJpeg the photo, downscaled, as the person's profile image; null for an embedding
     */
    public record Face(FaceEmbedding embedding, double quality, byte[] profileJpeg) {
    }

    /** An uploaded file, or a data URL / base64 sent as a form field's text. */
    public Face fromUpload(String field, byte[] bytes) {
        try (DecodedImage image = engine.decodeUpload(field, bytes)) {
            return face(field, image);
        }
    }

    /** A data URL or plain base64 in JSON. */
    public Face fromText(String field, String text) {
        try (DecodedImage image = engine.decodeText(field, text)) {
            return face(field, image);
        }
    }

    /** A photo downloaded from an http(s) URL the egress policy allows. */
    public Face fromUrl(String field, String url) {
        try (DecodedImage image = engine.decode(field, fetcher.fetch(field, url))) {
            return face(field, image);
        }
    }

    /**
     * An embedding given as numbers. Embeddings of different models live in different spaces (a
     * 128-d dlib encoding says nothing about a 512-d FaceGate one), so only FaceGate's own model's
     * are taken: one that names it and has its dimension.
     *
     * @throws FaceGateException 422 {@code foreign_encoding} otherwise, asking for a photo instead
     */
    public static Face fromEmbedding(List<? extends Number> values, String model) {
        if (!TemplateVault.EMBEDDING_MODEL.equals(model) || values.size() != FaceEmbedding.DIMENSIONS) {
            throw new FaceGateException(ErrorKind.UNPROCESSABLE, "foreign_encoding",
                    "this encoding (" + values.size() + " values, model " + (model == null ? "not named" : "'" + model + "'")
                            + ") was not computed by FaceGate's model (" + TemplateVault.EMBEDDING_MODEL + ", " + FaceEmbedding.DIMENSIONS
                            + " values) and cannot be compared with its templates: send a photo of the person instead"
                            + " (image upload, data URL, or imageUrl) and FaceGate computes its own",
                    Map.of("model", TemplateVault.EMBEDDING_MODEL, "dimensions", FaceEmbedding.DIMENSIONS, "received_dimensions", values.size()));
        }
        float[] floats = new float[values.size()];
        for (int i = 0; i < floats.length; i++) {
            Number value = values.get(i);
            if (value == null || !Double.isFinite(value.doubleValue())) {
                throw FaceGateException.invalid("invalid_encoding", "encoding[" + i + "] is not a finite number");
            }
            floats[i] = value.floatValue();
        }
        // The mean of one is that embedding normalised: a caller's rounding does not skew the cosine.
        return fromEmbedding(FaceEmbedding.mean(List.of(new FaceEmbedding(floats))));
    }

    /** An embedding FaceGate's model computed (a profile's stored one): a face without a profile image. */
    public static Face fromEmbedding(FaceEmbedding embedding) {
        return new Face(embedding, 1.0, null);
    }

    /** Exactly one face, good enough to be matched against (the attendance gate's judgement). */
    private Face face(String field, DecodedImage image) {
        List<DetectedFace> faces = engine.analyze(image, EnumSet.of(FaceAttribute.EMBEDDING));
        if (faces.isEmpty()) {
            throw refused("no_face", field + ": no face found; send a photo showing the person's face", field);
        }
        if (faces.size() > 1) {
            throw refused("multiple_faces", field + ": " + faces.size() + " faces found; send a photo of the person alone", field);
        }
        DetectedFace face = faces.get(0);
        if (RecognitionGate.refusal(face, 0).isPresent()) {
            throw refused("low_quality", field + ": the face is not good enough to recognise: "
                    + face.quality().issues().stream().map(QualityIssue::code).toList(), field);
        }
        return new Face(face.embedding(), face.quality().score(), image.encodeJpeg(PROFILE_JPEG_QUALITY, enrollmentSettings.profileImageMaxSide()));
    }

    private static FaceGateException refused(String code, String message, String field) {
        return new FaceGateException(ErrorKind.UNPROCESSABLE, code, message, Map.of("field", field));
    }
}

package io.facegate.web.recognition;

import io.facegate.authentication.Roles;
import io.facegate.recognition.DecodedImage;
import io.facegate.recognition.FaceAttribute;
import io.facegate.recognition.FaceComparison;
import io.facegate.recognition.FaceEngine;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.MultipartFields;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/**
 * Stateless face analysis: detect faces with quality, liveness and eye state, or compare the
 * largest faces of two images. Images come as multipart fields (a file, or a data URL / base64 as
 * text) or as JSON strings (data URL or base64).
 */
@Path("faces")
@RequiresRole(Roles.CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Face Authentication")
public class FaceResource {

    private static final Set<FaceAttribute> DETECT_ATTRIBUTES = Set.of(FaceAttribute.LIVENESS, FaceAttribute.EYES);

    @Inject
    FaceEngine engine;

    public record ImageRequest(String image) {
    }

    public record CompareRequest(String sourceImage, String targetImage) {
    }

    public record DetectResponse(List<FaceView> faces, int imageWidth, int imageHeight, long processingTimeMs) {
    }

    public record CompareResponse(double similarity, boolean match, double threshold, FaceView sourceFace,
                                  FaceView targetFace, long processingTimeMs) {
    }

    @POST
    @Path("detect")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Detect every face in an image (multipart field `image`: file or data URL), largest first")
    @APIResponse(responseCode = "200", description = "Faces found, possibly none")
    @APIResponse(responseCode = "413", description = "Image has too many bytes or pixels")
    @APIResponse(responseCode = "422", description = "Not a decodable JPEG, PNG, BMP, WebP or GIF")
    public DetectResponse detectForm(List<EntityPart> parts) {
        long started = System.nanoTime();
        try (DecodedImage decoded = decode("image", MultipartFields.of(parts))) {
            return detect(decoded, started);
        }
    }

    @POST
    @Path("detect")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Detect every face in an image (JSON `image`: base64 or data URL), largest first")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "image", value = "{\"image\": \"data:image/jpeg;base64,/9j/4AAQ...\"}")))
    @APIResponse(responseCode = "200", description = "Faces found, possibly none")
    @APIResponse(responseCode = "400", description = "Missing image or broken base64")
    public DetectResponse detectJson(ImageRequest request) {
        long started = System.nanoTime();
        try (DecodedImage decoded = engine.decodeText("image", request == null ? null : request.image())) {
            return detect(decoded, started);
        }
    }

    @POST
    @Path("compare")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Compare the dominant faces of two images (multipart fields `source_image`, `target_image`)")
    @APIResponse(responseCode = "200", description = "Similarity and match decision at the configured threshold")
    @APIResponse(responseCode = "422", description = "An image is undecodable, has no face (no_face) or faces of similar size"
            + " (multiple_faces: no face at least twice the area of the next); the message names it")
    public CompareResponse compareForm(List<EntityPart> parts) {
        long started = System.nanoTime();
        MultipartFields fields = MultipartFields.of(parts);
        try (DecodedImage sourceImage = decode("source_image", fields);
             DecodedImage targetImage = decode("target_image", fields)) {
            return compare(sourceImage, targetImage, started);
        }
    }

    @POST
    @Path("compare")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compare the dominant faces of two images (JSON `source_image`, `target_image`: base64 or data URLs)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "images",
            value = "{\"source_image\": \"data:image/jpeg;base64,...\", \"target_image\": \"/9j/4AAQ...\"}")))
    @APIResponse(responseCode = "200", description = "Similarity and match decision at the configured threshold")
    @APIResponse(responseCode = "422", description = "An image is undecodable, has no face (no_face) or faces of similar size"
            + " (multiple_faces: no face at least twice the area of the next); the message names it")
    public CompareResponse compareJson(CompareRequest request) {
        long started = System.nanoTime();
        try (DecodedImage sourceImage = engine.decodeText("source_image", request == null ? null : request.sourceImage());
             DecodedImage targetImage = engine.decodeText("target_image", request == null ? null : request.targetImage())) {
            return compare(sourceImage, targetImage, started);
        }
    }

    private DetectResponse detect(DecodedImage image, long started) {
        List<FaceView> faces = engine.analyze(image, DETECT_ATTRIBUTES).stream().map(FaceView::of).toList();
        return new DetectResponse(faces, image.width(), image.height(), elapsedMs(started));
    }

    private CompareResponse compare(DecodedImage source, DecodedImage target, long started) {
        FaceComparison comparison = engine.compare(source, target);
        return new CompareResponse(comparison.similarity(), comparison.match(), comparison.threshold(),
                FaceView.of(comparison.sourceFace()), FaceView.of(comparison.targetFace()), elapsedMs(started));
    }

    /** A multipart field holds the image file or, as text, a data URL or base64; its content type does not matter. */
    private DecodedImage decode(String field, MultipartFields fields) {
        return engine.decodeUpload(field, fields.bytes(field));
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}

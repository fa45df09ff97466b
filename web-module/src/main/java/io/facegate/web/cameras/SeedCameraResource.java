package io.facegate.web.cameras;

import io.facegate.authentication.Roles;
import io.facegate.cameras.CameraDefinition;
import io.facegate.cameras.CameraRegistry;
import io.facegate.system.FaceGateException;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Seed 002's Next.js camera routes: "connect a camera" (FaceGate polls it) and change its stream
 * URL, over the client's cameras addressed by their id.
 */
@Path("facial-recognition/cameras")
@RequiresRole(Roles.CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cameras")
public class SeedCameraResource {

    @Inject
    CameraRegistry registry;

    @Context
    HttpServletRequest http;

    /** Seed 002's body: the camera's id, and its new stream URL for PUT. */
    public record SeedCameraRequest(@JsonbProperty("cameraId") String cameraId, @JsonbProperty("streamUrl") String streamUrl) {

        String id() {
            if (cameraId == null || cameraId.isBlank()) {
                throw FaceGateException.invalid("missing_camera_id", "cameraId is required");
            }
            return cameraId.strip();
        }
    }

    /** Seed 002's answer: success and the camera. */
    public record Connected(boolean success, CameraView camera) {
    }

    @POST
    @Operation(summary = "Seed 002: connect a camera: FaceGate polls it (is_active true) and recognises the faces it sees")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "camera",
            value = "{\"cameraId\": \"CAM001\"}")))
    @APIResponse(responseCode = "404", description = "No such camera for this client: register it at /api/v1/cameras/ first")
    public Connected connect(@Valid @NotNull SeedCameraRequest request) {
        return change(request.id(), new CameraDefinition(null, null, null, null, null, null, null, null, null, true, null, null, null, null));
    }

    @PUT
    @Operation(summary = "Seed 002: change a camera's stream URL (checked by the egress policy); its poller reconnects within seconds")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "stream",
            value = "{\"cameraId\": \"CAM001\", \"streamUrl\": \"http://192.168.1.100:81/stream\"}")))
    @APIResponse(responseCode = "404", description = "No such camera for this client")
    @APIResponse(responseCode = "422", description = "The URL is refused by the egress policy")
    public Connected updateStream(@Valid @NotNull SeedCameraRequest request) {
        if (request.streamUrl() == null || request.streamUrl().isBlank()) {
            throw FaceGateException.invalid("missing_stream_url", "streamUrl is required");
        }
        return change(request.id(), new CameraDefinition(null, null, null, null, request.streamUrl(), null, null, null, null, null, null, null,
                null, null));
    }

    private Connected change(String code, CameraDefinition definition) {
        return new Connected(true, CameraView.of(registry.change(Callers.tenant(http), code, definition, false)));
    }
}

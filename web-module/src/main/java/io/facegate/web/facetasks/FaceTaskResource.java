package io.facegate.web.facetasks;

import io.facegate.authentication.Roles;
import io.facegate.domain.facetasks.FaceTask;
import io.facegate.domain.facetasks.FaceTaskKind;
import io.facegate.facetasks.FaceTasks;
import io.facegate.facetasks.VerifyRequest;
import io.facegate.identification.FaceRecognition;
import io.facegate.web.FaceGateApi;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.PageNumbers;
import io.facegate.web.http.PagedResponse;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Seed 004's asynchronous face tasks: a tenant admin queues an enrollment or a verification and
 * polls its status. Verifications of recognised, live faces log attendance (debounced per person).
 */
@Path("v1/face")
@RequiresRole(Roles.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Face Tasks")
@SecurityRequirement(name = FaceGateApi.CLIENT_TOKEN)
@SecurityRequirement(name = FaceGateApi.CLIENT_KEY)
@SecurityRequirement(name = FaceGateApi.PERSON_TOKEN)
public class FaceTaskResource {

    /** A 16x16 grey JPEG: a real image for the examples (it holds no face, so tasks made from it fail with no_face). */
    static final String EXAMPLE_IMAGE = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU5LjM3LjEwMAD/2wBDAAgUFBcUFxsbGxsbGyAeICEh"
            + "ISAgICAhISEkJCQqKiokJCQhISQkKCgqKi4vLisrKisvLzIyMjw8OTlGRkhWVmf/xABKAAEAAAAAAAAAAAAAAAAAAAAAAQEAAAAAAAAAAAAAAAAAAAAAEAEAAAAA"
            + "AAAAAAAAAAAAAAAAEQEAAAAAAAAAAAAAAAAAAAAA/8AAEQgAEAAQAwEiAAIRAAMRAP/aAAwDAQACEQMRAD8AAA//2Q==";
    static final int MAX_BULK_IMAGES = 20;
    static final int MAX_FACES = 50;
    /** A rough hint for polling, per image: what a task takes on an idle 2-core server, not a promise. */
    static final double ESTIMATED_SECONDS_PER_IMAGE = 1.0;

    @Inject
    FaceTasks tasks;

    @Inject
    FaceRecognition recognition;

    @Context
    HttpServletRequest http;

    public record EnrollTask(@NotBlank @Size(max = 255) String employeeId,
                             @NotNull @Size(min = 3, max = 5) List<@NotBlank String> images, Boolean qualityCheck) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public EnrollTask(String employeeId, List<String> images, Boolean qualityCheck) {
            this.employeeId = employeeId;
            this.images = images;
            this.qualityCheck = qualityCheck;
        }
    }

    public record VerifyTask(@NotBlank String image, @Size(max = 100) String cameraId, @Size(max = 300) String location) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public VerifyTask(String image, String cameraId, String location) {
            this.image = image;
            this.cameraId = cameraId;
            this.location = location;
        }
    }

    public record BulkImage(@Size(max = 100) String id, @NotBlank String image, @Size(max = 100) String cameraId,
                            @Size(max = 300) String location) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public BulkImage(String id, String image, String cameraId, String location) {
            this.id = id;
            this.image = image;
            this.cameraId = cameraId;
            this.location = location;
        }
    }

    public record BulkOptions(@Min(1) @Max(MAX_FACES) Integer maxFaces, @DecimalMin("0") @DecimalMax("1") Double qualityThreshold,
                              @DecimalMin("0") @DecimalMax("1") Double similarityThreshold) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public BulkOptions(Integer maxFaces, Double qualityThreshold, Double similarityThreshold) {
            this.maxFaces = maxFaces;
            this.qualityThreshold = qualityThreshold;
            this.similarityThreshold = similarityThreshold;
        }
    }

    public record BulkVerifyTask(@NotEmpty @Size(max = MAX_BULK_IMAGES) List<@Valid @NotNull BulkImage> images, @Valid BulkOptions options) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public BulkVerifyTask(List<BulkImage> images, BulkOptions options) {
            this.images = images;
            this.options = options;
        }
    }

    public record QueuedTask(String taskId, String status, String message, double estimatedTime) {
        static QueuedTask of(FaceTask task, String message, int images) {
            return new QueuedTask(task.taskId(), task.getStatus().apiName(), message, images * ESTIMATED_SECONDS_PER_IMAGE);
        }
    }

    @POST
    @Path("enroll")
    @Operation(summary = "Queue an enrollment of a person's face from 3 to 5 photos (data URLs or base64); poll its status")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "enrollment",
            value = "{\"employee_id\": \"FAC001\", \"images\": [\"" + EXAMPLE_IMAGE + "\", \"" + EXAMPLE_IMAGE + "\", \"" + EXAMPLE_IMAGE
                    + "\"], \"quality_check\": true}")))
    @APIResponse(responseCode = "202", description = "Task queued")
    @APIResponse(responseCode = "404", description = "No such employee_id for this client")
    public Response enroll(@Valid @NotNull EnrollTask request) {
        FaceTask task = tasks.submitEnrollment(Callers.tenant(http), request.employeeId(), request.images(),
                request.qualityCheck() == null || request.qualityCheck());
        return Response.accepted(QueuedTask.of(task, "Face enrollment task queued successfully", request.images().size())).build();
    }

    @GET
    @Path("enroll/status")
    @Operation(summary = "List the client's enrollment tasks, newest first (kept for the retention period)")
    public PagedResponse<FaceTaskView> enrollments(@QueryParam("page") String page, @QueryParam("page_size") String pageSize,
                                                   @Context UriInfo uri) {
        return list(List.of(FaceTaskKind.ENROLL), page, pageSize, uri);
    }

    @GET
    @Path("enroll/status/{task_id}")
    @Operation(summary = "An enrollment task's status and result (faces_detected, quality_scores, template_created)")
    @APIResponse(responseCode = "404", description = "No such task for this client (or it expired)")
    public FaceTaskView enrollment(@PathParam("task_id") String taskId) {
        return FaceTaskView.of(tasks.find(Callers.tenant(http), taskId, List.of(FaceTaskKind.ENROLL)));
    }

    @POST
    @Path("verify")
    @Operation(summary = "Queue a verification of the largest face of an image: who it is, whether it is live, and whether their "
            + "attendance was logged (camera_id and location say where)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "verification",
            value = "{\"image\": \"" + EXAMPLE_IMAGE + "\", \"camera_id\": \"CAM001\", \"location\": \"Main Building Entrance\"}")))
    @APIResponse(responseCode = "202", description = "Task queued")
    public Response verify(@Valid @NotNull VerifyTask request) {
        VerifyRequest verify = new VerifyRequest(List.of(new VerifyRequest.Frame(null, request.image(), request.cameraId(),
                request.location())), false, 1, 0, recognition.defaultThreshold());
        return Response.accepted(QueuedTask.of(tasks.submitVerification(Callers.tenant(http), verify), "Face verification task queued", 1))
                .build();
    }

    @POST
    @Path("bulk-verify")
    @Operation(summary = "Queue a verification of every face (up to options.max_faces) of up to 20 images; its status is at "
            + "/face/verify/status/{task_id}/. similarity_threshold may only raise the server's match threshold")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "frames",
            value = "{\"images\": [{\"id\": \"frame_001\", \"image\": \"" + EXAMPLE_IMAGE + "\", \"camera_id\": \"CAM001\"}],"
                    + " \"options\": {\"max_faces\": 10, \"quality_threshold\": 0.5, \"similarity_threshold\": 0.5}}")))
    @APIResponse(responseCode = "202", description = "Task queued")
    public Response bulkVerify(@Valid @NotNull BulkVerifyTask request) {
        BulkOptions options = request.options() == null ? new BulkOptions(null, null, null) : request.options();
        List<VerifyRequest.Frame> frames = request.images().stream()
                .map(i -> new VerifyRequest.Frame(i.id(), i.image(), i.cameraId(), i.location())).toList();
        // A lower threshold than the server's would log look-alikes present: the option may only be stricter.
        double threshold = Math.max(recognition.defaultThreshold(), options.similarityThreshold() == null ? 0 : options.similarityThreshold());
        VerifyRequest verify = new VerifyRequest(frames, true, options.maxFaces() == null ? 10 : options.maxFaces(),
                options.qualityThreshold() == null ? 0 : options.qualityThreshold(), threshold);
        return Response.accepted(QueuedTask.of(tasks.submitVerification(Callers.tenant(http), verify), "Bulk verification task queued",
                frames.size())).build();
    }

    @GET
    @Path("verify/status")
    @Operation(summary = "List the client's verification tasks (single and bulk), newest first")
    public PagedResponse<FaceTaskView> verifications(@QueryParam("page") String page, @QueryParam("page_size") String pageSize,
                                                     @Context UriInfo uri) {
        return list(List.of(FaceTaskKind.VERIFY, FaceTaskKind.BULK_VERIFY), page, pageSize, uri);
    }

    @GET
    @Path("verify/status/{task_id}")
    @Operation(summary = "A verification task's status and result (recognized, employee_id, name, confidence, similarity_score, "
            + "is_live, anti_spoof_score, attendance_logged; bulk: per image and face)")
    @APIResponse(responseCode = "404", description = "No such task for this client (or it expired)")
    public FaceTaskView verification(@PathParam("task_id") String taskId) {
        return FaceTaskView.of(tasks.find(Callers.tenant(http), taskId, List.of(FaceTaskKind.VERIFY, FaceTaskKind.BULK_VERIFY)));
    }

    private PagedResponse<FaceTaskView> list(List<FaceTaskKind> kinds, String page, String pageSize, UriInfo uri) {
        PageNumbers paging = PageNumbers.of(page, pageSize);
        return paging.response(tasks.list(Callers.tenant(http), kinds, paging.offset(), paging.pageSize()).map(FaceTaskView::of), uri);
    }
}

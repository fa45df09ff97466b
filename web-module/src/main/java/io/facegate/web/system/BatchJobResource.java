package io.facegate.web.system;

import io.facegate.authentication.Roles;
import io.facegate.maintenance.MaintenanceJobs;
import io.facegate.system.FaceGateException;
import io.facegate.web.FaceGateApi;
import io.facegate.web.authentication.RequiresRole;
import jakarta.batch.runtime.JobExecution;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.facegate.web.http.QueryValues;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Lets the operator run a housekeeping batch job now and follow it. */
@Path("core/jobs")
@RequiresRole(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "System")
@SecurityRequirement(name = FaceGateApi.OPERATOR_TOKEN)
public class BatchJobResource {

    @Inject
    MaintenanceJobs jobs;

    public record JobExecutionView(long executionId, String jobName, String batchStatus, String exitStatus,
                                   Instant startedAt, Instant endedAt) {
        public static JobExecutionView of(JobExecution execution) {
            return new JobExecutionView(execution.getExecutionId(), execution.getJobName(),
                    execution.getBatchStatus().name(), execution.getExitStatus(),
                    instant(execution.getStartTime()), instant(execution.getEndTime()));
        }

        private static Instant instant(Date date) {
            return date == null ? null : date.toInstant();
        }
    }

    @POST
    @Path("{name}")
    @Operation(summary = "Start a batch job (purge-expired-tokens)")
    public Response start(@PathParam("name") String name) {
        long id = jobs.startByName(name);
        return Response.accepted(JobExecutionView.of(jobs.execution(id))).build();
    }

    /** The most executions a listing shows. */
    static final int MAX_LISTED = 100;

    @GET
    @Path("executions")
    @Operation(summary = "The latest job executions this deployment started (housekeeping, reports, profile syncs), newest first; "
            + "limit: 1 to 100, default 20")
    public List<JobExecutionView> executions(@QueryParam("limit") String limit) {
        int count = QueryValues.number("limit", limit, 20);
        if (count < 1 || count > MAX_LISTED) {
            throw FaceGateException.invalid("invalid_limit", "limit must be between 1 and " + MAX_LISTED);
        }
        return jobs.recent(count).stream().map(JobExecutionView::of).toList();
    }

    @GET
    @Path("executions/{id}")
    @Operation(summary = "State of one job execution")
    public JobExecutionView execution(@PathParam("id") long id) {
        return JobExecutionView.of(jobs.execution(id));
    }
}

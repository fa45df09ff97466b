package io.facegate.web.people;

import io.facegate.authentication.Roles;
import io.facegate.clients.ClientUserDirectory;
import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.clients.PersonRole;
import io.facegate.people.People;
import io.facegate.people.PersonDetails;
import io.facegate.people.PersonFilter;
import io.facegate.system.FaceGateException;
import io.facegate.web.FaceGateApi;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.Ids;
import io.facegate.web.http.PageNumbers;
import io.facegate.web.http.PagedResponse;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import java.util.Arrays;

/**
 * Seed 004's users: the client's people, managed by a tenant admin (the client's own credentials,
 * or a person with role admin). Another client's person id answers 404, like a missing one.
 */
@Path("v1/users")
@RequiresRole(Roles.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "People")
@SecurityRequirement(name = FaceGateApi.CLIENT_TOKEN)
@SecurityRequirement(name = FaceGateApi.CLIENT_KEY)
@SecurityRequirement(name = FaceGateApi.PERSON_TOKEN)
public class PeopleResource {

    static final int MIN_PASSWORD_LENGTH = 8;

    @Inject
    People people;

    @Inject
    ClientUserDirectory directory;

    @Context
    HttpServletRequest http;

    /**
     * Seed 004's user fields. Creating a person needs {@code employee_id} (role defaults to
     * student); an update changes only the fields given, and {@code employee_id}, if given, must be
     * the person's own.
     */
    public record PersonFields(@Size(max = ClientUser.MAX_EXTERNAL_ID_LENGTH) String employeeId,
                               @Email @Size(max = 254) String email,
                               @Size(max = 100) String firstName, @Size(max = 100) String lastName,
                               @Size(max = 20) String role, @Size(max = 200) String department,
                               @Size(min = MIN_PASSWORD_LENGTH, max = PersonLoginResource.MAX_PASSWORD_LENGTH) String password,
                               Boolean isActive) {
        /** Declared, so that the constraints stay on the fields (see {@link io.facegate.web.http.JsonConfiguration}). */
        public PersonFields(String employeeId, String email, String firstName, String lastName, String role, String department,
                            String password, Boolean isActive) {
            this.employeeId = employeeId;
            this.email = email;
            this.firstName = firstName;
            this.lastName = lastName;
            this.role = role;
            this.department = department;
            this.password = password;
            this.isActive = isActive;
        }

        PersonDetails details() {
            return new PersonDetails(employeeId == null ? null : employeeId.strip(), email, firstName, lastName, PeopleResource.role(role), department,
                    password, isActive);
        }

        @Override
        public String toString() {
            return "PersonFields[employeeId=" + employeeId + ", password=" + (password == null ? "null" : "***") + "]";
        }
    }

    @POST
    @Operation(summary = "Create a person (seed 004 user): employee_id is the client's id for them (external_user_id elsewhere)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "user",
            value = "{\"employee_id\": \"FAC001\", \"email\": \"john.doe@college.edu\", \"first_name\": \"John\", \"last_name\": \"Doe\","
                    + " \"role\": \"faculty\", \"department\": \"Computer Science\", \"password\": \"secure_password123\"}")))
    @APIResponse(responseCode = "201", description = "Person created")
    @APIResponse(responseCode = "409", description = "employee_id or email already used by this client")
    public Response register(@Valid @NotNull PersonFields request, @Context UriInfo uri) {
        if (request.employeeId() == null || request.employeeId().isBlank()) {
            throw FaceGateException.invalid("missing_employee_id", "employee_id is required");
        }
        ClientUser person = people.register(Callers.tenant(http), request.details());
        return Response.created(uri.getAbsolutePathBuilder().path(person.getId().toString()).build()).entity(view(person)).build();
    }

    @GET
    @Operation(summary = "List people, newest first; filter by role, department and search (name, email, employee id)",
            description = "Each person has a presigned, time-limited profile_image_url once an enrollment kept a profile picture.")
    public PagedResponse<PersonView> list(@QueryParam("role") String role, @QueryParam("department") String department,
                                          @QueryParam("search") String search, @QueryParam("page") String page,
                                          @QueryParam("page_size") String pageSize, @Context UriInfo uri) {
        PageNumbers paging = PageNumbers.of(page, pageSize);
        PersonFilter filter = new PersonFilter(role(role), blankToNull(department), blankToNull(search));
        return paging.response(people.list(Callers.tenant(http), filter, paging.offset(), paging.pageSize()).map(this::view), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one person, with a time-limited profile_image_url")
    @APIResponse(responseCode = "404", description = "No such person for this client")
    public PersonView get(@PathParam("id") String id) {
        return view(people.find(Callers.tenant(http), Ids.parse(id, "user")));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Update a person: the fields given change; a new password or is_active=false ends their logins")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "changes",
            value = "{\"department\": \"Mathematics\", \"role\": \"faculty\"}")))
    @APIResponse(responseCode = "404", description = "No such person for this client")
    public PersonView update(@PathParam("id") String id, @Valid @NotNull PersonFields changes) {
        return view(people.update(Callers.tenant(http), Ids.parse(id, "user"), changes.details()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Deactivate a person (seed 004): their logins end and they are no longer logged present; their face and "
            + "history stay. Erasing everything is DELETE /api/clients/users/{id}/")
    @APIResponse(responseCode = "200", description = "The deactivated person")
    @APIResponse(responseCode = "404", description = "No such person for this client")
    public PersonView deactivate(@PathParam("id") String id) {
        return view(people.deactivate(Callers.tenant(http), Ids.parse(id, "user")));
    }

    private PersonView view(ClientUser person) {
        return PersonView.of(person, directory.profileImageUrl(person));
    }

    static PersonRole role(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        return PersonRole.fromApiName(role).orElseThrow(() -> FaceGateException.invalid("invalid_role",
                "role must be one of " + Arrays.stream(PersonRole.values()).map(PersonRole::apiName).toList()));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package io.facegate.web.sessions;

import io.facegate.authentication.Roles;
import io.facegate.clients.ClientUserDirectory;
import io.facegate.domain.clients.ClientUser;
import io.facegate.domain.sessions.FaceSession;
import io.facegate.domain.sessions.SessionPurpose;
import io.facegate.domain.sessions.SessionStatus;
import io.facegate.sessions.FaceSessions;
import io.facegate.system.Page;
import io.facegate.web.authentication.Callers;
import io.facegate.web.authentication.RequiresRole;
import io.facegate.web.http.Ids;
import io.facegate.web.http.PagedResponse;
import io.facegate.web.http.Paging;
import io.facegate.web.http.QueryValues;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A client's sessions as records (seed 000's authentication sessions, enrollment sessions too): its backend reads them. */
@Path("auth/sessions")
@RequiresRole(Roles.CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Face Authentication")
public class SessionHistoryResource {

    @Inject
    FaceSessions sessions;

    @Inject
    ClientUserDirectory users;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List the client's sessions, newest first; filter by session_type, status, client_user, created_at range (from, to) and spoof_suspected")
    @APIResponse(responseCode = "400", description = "A filter value is invalid")
    public PagedResponse<SessionViews.SessionView> list(@QueryParam("session_type") String sessionType,
                                                        @QueryParam("status") String status,
                                                        @QueryParam("client_user") String clientUser,
                                                        @QueryParam("from") String from,
                                                        @QueryParam("to") String to,
                                                        @QueryParam("spoof_suspected") String spoofSuspected,
                                                        @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        UUID tenant = Callers.tenant(http);
        Paging paging = Paging.of(offset, limit);
        Page<FaceSession> page = sessions.list(tenant, QueryValues.enumeration(SessionPurpose.class, "session_type", sessionType),
                QueryValues.enumeration(SessionStatus.class, "status", status), QueryValues.uuid("client_user", clientUser),
                QueryValues.instant("from", from), QueryValues.instant("to", to), QueryValues.bool("spoof_suspected", spoofSuspected),
                paging.offset(), paging.limit());
        return PagedResponse.of(page.map(s -> view(tenant, s)), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One session with its client_user and client_user_info (seed 000)")
    @APIResponse(responseCode = "404", description = "No such session for this client")
    public SessionViews.SessionView get(@PathParam("id") String id) {
        UUID tenant = Callers.tenant(http);
        return view(tenant, sessions.find(tenant, Ids.parse(id, "session")));
    }

    private SessionViews.SessionView view(UUID tenant, FaceSession session) {
        SessionViews.ClientUserInfo info = null;
        if (session.getClientUserId() != null) {
            ClientUser user = users.find(tenant, session.getClientUserId());
            info = new SessionViews.ClientUserInfo(user.getId(), user.getExternalUserId(), user.getDisplayName(), user.isEnrolled(),
                    users.profileImageUrl(user));
        }
        return SessionViews.SessionView.of(session, info);
    }
}

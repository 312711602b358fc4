package org.stationf.aiprogram.resources.mentoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Roles;

import java.util.List;
import java.util.UUID;

@Path("/sessions")
@Tag(name = "Mentoring")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    MentoringService mentoring;

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "listSessions", summary = "Mentoring sessions", description = "A startup sees its members', a partner its mentors', admins all.")
    public List<MentoringViews.SessionView> list() {
        return mentoring.sessions();
    }

    @POST
    @Path("/{id}/delivered")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(operationId = "markSessionDelivered", summary = "The session took place", description = "Debits the slot's hours from the member's mentoring grant.")
    @APIResponse(responseCode = "200", description = "The session, delivered")
    @APIResponse(responseCode = "404", description = "No such session for this caller")
    public MentoringViews.SessionView delivered(@PathParam("id") UUID id) {
        return mentoring.delivered(id);
    }

    @POST
    @Path("/{id}/no-show")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(operationId = "markSessionNoShow", summary = "The member did not come", description = "Debits the slot's hours: the mentor's time was reserved.")
    @APIResponse(responseCode = "200", description = "The session, missed")
    @APIResponse(responseCode = "404", description = "No such session for this caller")
    public MentoringViews.SessionView noShow(@PathParam("id") UUID id) {
        return mentoring.noShow(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "cancelSession", summary = "Cancel a session", description = "By the member 24 hours or more ahead: free, the slot reopens. Later: "
            + "the hours are debited. By the mentor's side: never debited, the slot is cancelled.")
    @APIResponse(responseCode = "200", description = "The session, cancelled")
    @APIResponse(responseCode = "404", description = "No such session for this caller")
    public MentoringViews.SessionView cancel(@PathParam("id") UUID id, @Valid MentoringViews.CancellationRequest request) {
        return mentoring.cancel(id, request == null ? null : request.reason());
    }
}

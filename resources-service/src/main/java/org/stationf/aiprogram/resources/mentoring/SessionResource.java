package org.stationf.aiprogram.resources.mentoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Page;
import org.stationf.aiprogram.api.PageRequest;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.QueryParams;
import org.stationf.aiprogram.api.Roles;

import java.util.UUID;

@Path("/sessions")
@Tag(name = "Mentoring")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    MentoringService mentoring;

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "listSessions", summary = "Mentoring sessions", description = "A startup sees its members', a partner its mentors', admins all; "
            + "in the order they take place. Filters combine: status=BOOKED lists what is still to happen.")
    @APIResponse(responseCode = "200", description = "One page, with the total count")
    @APIResponse(responseCode = "400", description = "A bad filter or page", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<MentoringViews.SessionView> list(
            @Parameter(description = "Only sessions in this state", schema = @Schema(implementation = SessionStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only this member's", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("memberId") String memberId,
            @Parameter(description = "Only this mentor's", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("mentorId") String mentorId,
            @BeanParam PageRequest pageRequest) {
        return mentoring.sessions(new MentoringService.SessionFilter(QueryParams.enumOf("status", status, SessionStatus.class),
                        QueryParams.uuidOf("memberId", memberId), QueryParams.uuidOf("mentorId", mentorId)),
                pageRequest.page(), pageRequest.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "getSession", summary = "One mentoring session", description = "Seen by those whose list holds it: the "
            + "member's startup, the mentor's partner, admins.")
    @APIResponse(responseCode = "200", description = "The session")
    @APIResponse(responseCode = "404", description = "No such session for this caller")
    public MentoringViews.SessionView get(@PathParam("id") UUID id) {
        return mentoring.session(id);
    }

    @POST
    @Path("/{id}/delivered")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(operationId = "markSessionDelivered", summary = "The session took place", description = "Debits the slot's hours from the member's mentoring grant.")
    @APIResponse(responseCode = "200", description = "The session, delivered")
    @APIResponse(responseCode = "404", description = "No such session for this caller")
    @APIResponse(responseCode = "409", description = "The session has not started yet or has already ended, or the grant's balance is below the slot's hours")
    public MentoringViews.SessionView delivered(@PathParam("id") UUID id) {
        return mentoring.delivered(id);
    }

    @POST
    @Path("/{id}/no-show")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(operationId = "markSessionNoShow", summary = "The member did not come", description = "Debits the slot's hours: the mentor's time was reserved.")
    @APIResponse(responseCode = "200", description = "The session, missed")
    @APIResponse(responseCode = "404", description = "No such session for this caller")
    @APIResponse(responseCode = "409", description = "The session has not started yet or has already ended, or the grant's balance is below the slot's hours")
    public MentoringViews.SessionView noShow(@PathParam("id") UUID id) {
        return mentoring.noShow(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "cancelSession", summary = "Cancel a session", description = "By the member 24 hours or more ahead: free, the slot reopens "
            + "(unless its mentor has left since). Later: the hours are debited. By the mentor's side: never debited, the slot is cancelled.")
    @APIResponse(responseCode = "200", description = "The session, cancelled")
    @APIResponse(responseCode = "404", description = "No such session for this caller")
    @APIResponse(responseCode = "409", description = "The session has already ended, or (late, hours due) the grant's balance is below the slot's hours")
    public MentoringViews.SessionView cancel(@PathParam("id") UUID id, @Valid MentoringViews.CancellationRequest request) {
        return mentoring.cancel(id, request == null ? null : request.reason());
    }
}

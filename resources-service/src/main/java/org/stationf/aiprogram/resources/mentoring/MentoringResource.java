package org.stationf.aiprogram.resources.mentoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.QueryParams;
import org.stationf.aiprogram.api.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/mentors")
@Tag(name = "Mentoring", description = "Mentors' availability and members' sessions. Rule: cancel 24 hours or more ahead for "
        + "free; a later cancellation by the member or a no-show debits the slot's hours; a mentor's cancellation never does.")
@Produces(MediaType.APPLICATION_JSON)
public class MentoringResource {

    @Inject
    MentoringService mentoring;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(operationId = "registerMentor", summary = "Register a mentor", description = "A partner registers its own researchers and engineers, "
            + "each once: an email the partner already registered is a 409 naming that mentor (mentorId), so a retried registration finds it.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = MentoringViews.MentorView.class)),
            headers = @Header(name = "Location", description = "The mentor: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "The partner already registered a mentor with this email (mentorId names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull MentoringViews.MentorRequest request) {
        MentoringViews.MentorView registered = mentoring.register(request);
        return Response.created(URI.create("/mentors/" + registered.id())).entity(registered).build();
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "listMentors", summary = "List mentors", description = "A partner sees its own; members and admins every active mentor.")
    public List<MentoringViews.MentorView> list() {
        return mentoring.mentors();
    }

    @GET
    @Path("/{mentorId}")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "getMentor", summary = "One mentor", description = "Seen by those whose list holds it: a partner its own mentors, "
            + "members' startups the active ones, admins any, active or not.")
    @APIResponse(responseCode = "200", description = "The mentor")
    @APIResponse(responseCode = "404", description = "No such mentor for this caller")
    public MentoringViews.MentorView get(@PathParam("mentorId") UUID mentorId) {
        return mentoring.mentor(mentorId);
    }

    @PUT
    @Path("/{mentorId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(operationId = "editMentor", summary = "Edit a mentor's name, email and expertise", description = "By its partner or an admin; the "
            + "whole description is sent, as at registration. A mentor stays with its partner (partner may be left out). Its slots and sessions show "
            + "the new name at once; renamed, each of its sessions still booked is announced again (MentoringSessionChanged), so members' "
            + "calendars and the partner's webhook get the new name.")
    @APIResponse(responseCode = "200", description = "The mentor, as edited")
    @APIResponse(responseCode = "404", description = "No such mentor for this caller")
    @APIResponse(responseCode = "409", description = "The partner already registered another mentor with this email (mentorId names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MentoringViews.MentorView edit(@PathParam("mentorId") UUID mentorId, @Valid @NotNull MentoringViews.MentorRequest request) {
        return mentoring.edit(mentorId, request);
    }

    @POST
    @Path("/{mentorId}/slots")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(operationId = "publishSlot", summary = "Publish availability", description = "A slot of 15 minutes to 8 hours, in the future, not overlapping the mentor's other slots.")
    @APIResponse(responseCode = "201", description = "Published", content = @Content(schema = @Schema(implementation = MentoringViews.SlotView.class)),
            headers = @Header(name = "Location", description = "The slot: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Overlaps another slot, or the mentor is inactive", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such mentor for this caller")
    public Response publishSlot(@PathParam("mentorId") UUID mentorId, @Valid @NotNull MentoringViews.SlotRequest request) {
        MentoringViews.SlotView published = mentoring.publishSlot(mentorId, request);
        return Response.created(URI.create("/slots/" + published.id())).entity(published).build();
    }

    @POST
    @Path("/{mentorId}/deactivate")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(operationId = "deactivateMentor", summary = "Stop a mentor's bookings", description = "For a mentor who leaves the program: its open slots "
            + "are withdrawn, it no longer publishes slots and members no longer see it; sessions already booked stay (cancel them for free from the "
            + "partner's side if they will not happen), and a slot one of them frees is withdrawn rather than reopened.")
    @APIResponse(responseCode = "200", description = "The mentor, inactive")
    @APIResponse(responseCode = "404", description = "No such mentor for this caller")
    public MentoringViews.MentorView deactivate(@PathParam("mentorId") UUID mentorId) {
        return mentoring.setActive(mentorId, false);
    }

    @POST
    @Path("/{mentorId}/activate")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(operationId = "activateMentor", summary = "Take a mentor back", description = "It publishes slots again; those withdrawn at deactivation stay withdrawn.")
    @APIResponse(responseCode = "200", description = "The mentor, active")
    @APIResponse(responseCode = "404", description = "No such mentor for this caller")
    public MentoringViews.MentorView activate(@PathParam("mentorId") UUID mentorId) {
        return mentoring.setActive(mentorId, true);
    }

    @GET
    @Path("/{mentorId}/slots")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "listMentorSlots", summary = "A mentor's slots",
            description = "Open, booked and past ones; from and to narrow them to those starting in a window, as a calendar shows a week.")
    @APIResponse(responseCode = "200", description = "The slots, in time order")
    @APIResponse(responseCode = "400", description = "A bad from or to", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such mentor for this caller")
    public List<MentoringViews.SlotView> slots(@PathParam("mentorId") UUID mentorId,
                                               @Parameter(description = "Only slots starting at or after this instant", example = "2024-01-15T00:00:00+01:00",
                                                       schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
                                               @Parameter(description = "Only slots starting before this instant", example = "2024-01-22T00:00:00+01:00",
                                                       schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to) {
        return mentoring.slotsOf(mentorId, QueryParams.instantOf("from", from), QueryParams.instantOf("to", to));
    }
}

package org.stationf.aiprogram.resources.mentoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/slots")
@Tag(name = "Mentoring")
@Produces(MediaType.APPLICATION_JSON)
public class SlotResource {

    @Inject
    MentoringService mentoring;

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "listOpenSlots", summary = "Open slots still to come", description = "Members' startups, who book them, "
            + "and admins see every mentor's; a partner its own mentors' only.")
    public List<MentoringViews.SlotView> open() {
        return mentoring.openSlots();
    }

    @GET
    @Path("/{slotId}")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "getSlot", summary = "One slot", description = "Open, booked, cancelled or past; a partner reads only its own "
            + "mentors' slots, members' startups and admins any.")
    @APIResponse(responseCode = "200", description = "The slot")
    @APIResponse(responseCode = "404", description = "No such slot for this caller")
    public MentoringViews.SlotView get(@PathParam("slotId") UUID slotId) {
        return mentoring.slot(slotId);
    }

    @DELETE
    @Path("/{slotId}")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(operationId = "withdrawSlot", summary = "Withdraw an open slot", description = "The mentor is no longer free then: the slot leaves "
            + "the open slots, stays readable as CANCELLED, and its time may be published again. Withdrawing it again changes nothing. A booked "
            + "slot is not withdrawn: cancel its session from the mentor's side instead (free for the member). A booking and a withdrawal of "
            + "one slot at once: one of them wins, the other gets 409.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No such slot for this caller")
    @APIResponse(responseCode = "409", description = "The slot is booked (problem type slot-booked, with the sessionId that holds it) or has started "
            + "(slot-past)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void withdraw(@PathParam("slotId") UUID slotId) {
        mentoring.withdrawSlot(slotId);
    }

    @POST
    @Path("/{slotId}/booking")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "bookSlot", summary = "Book a slot", description = "For one of your members with enough mentoring hours from the mentor's partner. "
            + "Two members booking one slot at once: one wins, the other gets 409 slot-taken.")
    @APIResponse(responseCode = "201", description = "Booked", content = @Content(schema = @Schema(implementation = MentoringViews.SessionView.class)),
            headers = @Header(name = "Location", description = "The session booked: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Slot taken, or not enough hours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such slot")
    public Response book(@PathParam("slotId") UUID slotId, @Valid @NotNull MentoringViews.BookingRequest request) {
        MentoringViews.SessionView booked = mentoring.book(slotId, request.memberId());
        return Response.created(URI.create("/sessions/" + booked.id())).entity(booked).build();
    }
}

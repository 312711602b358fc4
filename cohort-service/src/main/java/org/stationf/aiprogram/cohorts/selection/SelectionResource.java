package org.stationf.aiprogram.cohorts.selection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("/cohorts/{cohortId}")
@Tag(name = "Selection", description = "Winners and the waitlist of a cohort")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SelectionResource {

    @Schema(name = "CandidateRef")
    public record CandidateRef(@Schema(example = "7d3c0f8e-2f4b-4c55-9b55-3b2f7a3f5d10") @NotNull UUID applicationId) {
    }

    @Schema(name = "WaitlistOrder")
    public record WaitlistOrder(@Schema(description = "Applications, first in line first", example = "[\"7d3c0f8e-2f4b-4c55-9b55-3b2f7a3f5d10\", \"0e6a4c2b-9d8f-4a1e-b3c5-6f7d8e9a0b1c\"]")
                                @NotNull @Size(max = 1000) List<@NotNull UUID> applicationIds) {
    }

    @Inject
    SelectionService selections;

    @GET
    @Path("/selections")
    @Operation(operationId = "listSelections", summary = "The cohort's offers and waitlist", description = "Every selection, grouped by "
            + "status, the waitlist in its order: offers pending, accepted, declined or expired, and who is next in line.")
    @APIResponse(responseCode = "200", description = "The offers and the waitlist")
    @APIResponse(responseCode = "404", description = "No such cohort")
    public List<SelectionView> list(@PathParam("cohortId") UUID cohortId) {
        return selections.list(cohortId);
    }

    @POST
    @Path("/selections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "selectWinner", summary = "Select a winner", description = "Offers the candidate a place, valid for the cohort's offer validity. "
            + "Refused once every place is held by a pending or accepted offer: the capacity is never exceeded, however many "
            + "selections arrive at once. A startup is selected or waitlisted in one cohort of its call only, so it never holds two places.")
    @APIResponse(responseCode = "201", description = "Offer made", content = @Content(schema = @Schema(implementation = SelectionView.class)),
            headers = @Header(name = "Location", description = "The offer: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Cohort full (capacity and placesTaken given), not selecting, already selected, or selected or waitlisted in "
            + "another cohort of the call (selected-in-another-cohort, with that cohortId and selectionStatus)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such cohort")
    public Response select(@PathParam("cohortId") UUID cohortId, @Valid @NotNull CandidateRef candidate) {
        SelectionView offer = selections.select(cohortId, candidate.applicationId());
        return Response.created(URI.create("/offers/" + offer.id())).entity(offer).build();
    }

    @POST
    @Path("/waitlist")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addToWaitlist", summary = "Put a candidate on the waitlist", description = "At the end; the first on the waitlist gets the next freed place.")
    @APIResponse(responseCode = "201", description = "Waitlisted", content = @Content(schema = @Schema(implementation = SelectionView.class)),
            headers = @Header(name = "Location", description = "The waitlisted selection, under /offers, where it becomes an offer when a place frees: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such cohort")
    @APIResponse(responseCode = "409", description = "The cohort is not selecting, or the application is no candidate of it, withdrew, or already has a selection "
            + "in it or in another cohort of the call (selected-in-another-cohort)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response waitlist(@PathParam("cohortId") UUID cohortId, @Valid @NotNull CandidateRef candidate) {
        SelectionView waitlisted = selections.waitlist(cohortId, candidate.applicationId());
        return Response.created(URI.create("/offers/" + waitlisted.id())).entity(waitlisted).build();
    }

    @PUT
    @Path("/waitlist")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rankWaitlist", summary = "Rank the waitlist", description = "The given applications first, in this order; the others keep their order after them.")
    @APIResponse(responseCode = "200", description = "The waitlist in its new order")
    @APIResponse(responseCode = "404", description = "No such cohort")
    public List<SelectionView> rank(@PathParam("cohortId") UUID cohortId, @Valid @NotNull WaitlistOrder order) {
        return selections.rankWaitlist(cohortId, order.applicationIds());
    }
}

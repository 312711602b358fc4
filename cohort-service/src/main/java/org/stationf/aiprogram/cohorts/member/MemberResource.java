package org.stationf.aiprogram.cohorts.member;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.Roles;

import java.util.List;
import java.util.UUID;

@Path("/members")
@Tag(name = "Members", description = "Startups in a cohort: enrollment, withdrawal, completion")
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    @Schema(name = "Leaving")
    public record Leaving(@Schema(example = "The company was acquired") @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "Completion")
    public record Completion(@NotNull Boolean completed, @Schema(example = "Every milestone met; pitched at demo day") @Size(max = 2000) String note) {
    }

    @Inject
    MemberService members;

    @GET
    @Path("/me")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "listMyMemberships", summary = "The calling startup's memberships", description = "Every cohort it joined, in the order it enrolled, "
            + "whether still ENROLLED, WITHDRAWN, REMOVED, GRADUATED or NOT_COMPLETED; each whole, as getMember gives it to its own startup.")
    public List<MemberView> mine() {
        return members.mine();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.APPLICANT})
    @Operation(operationId = "getMember", summary = "Read a member", description = "Admins and the member's own startup read it whole; "
            + "partners without its application, team contacts, leaving reason and completion note; to any other startup it does not exist (404).")
    @APIResponse(responseCode = "200", description = "The member")
    @APIResponse(responseCode = "404", description = "No such member for this caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MemberView get(@PathParam("id") UUID id) {
        return members.get(id);
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "withdrawMember", summary = "Leave the cohort", description = "Partner resources not used yet are revoked. Before the start, the place goes to the waitlist.")
    @APIResponse(responseCode = "200", description = "The member, withdrawn")
    @APIResponse(responseCode = "409", description = "The member is no longer enrolled, or the cohort is over")
    @APIResponse(responseCode = "404", description = "No such member for this caller")
    public MemberView withdraw(@PathParam("id") UUID id, @Valid @NotNull Leaving leaving) {
        return members.withdraw(id, leaving.reason());
    }

    @POST
    @Path("/{id}/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "removeMember", summary = "Remove a member", description = "As a withdrawal, initiated by an admin.")
    @APIResponse(responseCode = "200", description = "The member, removed")
    @APIResponse(responseCode = "404", description = "No such member for this caller")
    @APIResponse(responseCode = "409", description = "The member is no longer enrolled, or the cohort is over")
    public MemberView remove(@PathParam("id") UUID id, @Valid @NotNull Leaving leaving) {
        return members.remove(id, leaving.reason());
    }

    @PUT
    @Path("/{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setMemberCompletion", summary = "Say whether a member completes the program", description = "At the cohort's completion it graduates, or is marked not completed.")
    @APIResponse(responseCode = "200", description = "The member with its completion")
    @APIResponse(responseCode = "404", description = "No such member for this caller")
    @APIResponse(responseCode = "409", description = "The member is no longer enrolled")
    public MemberView completion(@PathParam("id") UUID id, @Valid @NotNull Completion completion) {
        return members.setCompletion(id, completion.completed(), completion.note());
    }
}

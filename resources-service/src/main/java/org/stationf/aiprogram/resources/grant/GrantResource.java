package org.stationf.aiprogram.resources.grant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.QueryParams;
import org.stationf.aiprogram.api.Roles;

import java.util.List;
import java.util.UUID;

@Path("/grants")
@Tag(name = "Grants", description = "Members' resources from partners: the partner API")
@Produces(MediaType.APPLICATION_JSON)
public class GrantResource {

    @Schema(name = "Activation")
    public record Activation(@Schema(example = "org-7f3c2a", description = "Your own reference: the Scaleway organization, the Hugging Face org id, ...")
                             @NotBlank @Size(max = 200) String externalReference) {
    }

    @Inject
    GrantService grants;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.APPLICANT})
    @Operation(operationId = "listGrants", summary = "List grants", description = "A partner sees its own grants only; a startup its members'; admins all.")
    @APIResponse(responseCode = "200", description = "The grants this caller may see")
    @APIResponse(responseCode = "400", description = "A filter that is not a UUID, a partner code or a status")
    public List<GrantView> list(@Parameter(description = "Only this cohort's", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("cohortId") String cohortId,
                                @Parameter(description = "Only this member's", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("memberId") String memberId,
                                @Parameter(description = "Only this partner's (admins)") @QueryParam("partner") String partner,
                                @Parameter(description = "Only this status", schema = @Schema(implementation = GrantStatus.class)) @QueryParam("status") String status) {
        return grants.list(QueryParams.uuidOf("cohortId", cohortId), QueryParams.uuidOf("memberId", memberId), partner,
                QueryParams.enumOf("status", status, GrantStatus.class));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.APPLICANT})
    @Operation(operationId = "getGrant", summary = "Read a grant", description = "Another partner's grant is a 404.")
    @APIResponse(responseCode = "200", description = "The grant", content = @Content(schema = @Schema(implementation = GrantView.class)))
    @APIResponse(responseCode = "404", description = "No such grant for this caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GrantView get(@PathParam("id") UUID id) {
        return grants.get(id);
    }

    @POST
    @Path("/{id}/activation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(operationId = "activateGrant", summary = "Activate a grant", description = "The partner confirms it provisioned the resource, with its own reference. "
            + "Repeating the same activation is harmless.")
    @APIResponse(responseCode = "200", description = "Active", content = @Content(schema = @Schema(implementation = GrantView.class)))
    @APIResponse(responseCode = "409", description = "Not waiting for activation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such grant for this caller")
    public GrantView activate(@PathParam("id") UUID id, @Valid @NotNull Activation activation) {
        return grants.activate(id, activation.externalReference());
    }
}

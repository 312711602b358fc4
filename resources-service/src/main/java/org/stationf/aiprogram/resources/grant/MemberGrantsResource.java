package org.stationf.aiprogram.resources.grant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

@Path("/members/{memberId}/grants")
@Tag(name = "Grants")
@Produces(MediaType.APPLICATION_JSON)
public class MemberGrantsResource {

    @Inject
    GrantService grants;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "listMemberGrants", summary = "A member's grants and balances", description = "With the burn-rate forecast of each. A startup sees its own members only.")
    @APIResponse(responseCode = "200", description = "The member's grants")
    @APIResponse(responseCode = "404", description = "No such member for this caller")
    public List<GrantView> ofMember(@PathParam("memberId") UUID memberId) {
        return grants.ofMember(memberId);
    }
}

package org.stationf.aiprogram.cohorts.member;

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

@Path("/cohorts/{cohortId}/members")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
public class CohortMembersResource {

    @Inject
    MemberService members;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.APPLICANT})
    @Operation(operationId = "listCohortMembers", summary = "A cohort's members", description = "Admins see everything; partners the member list without private data; a startup its own membership.")
    @APIResponse(responseCode = "200", description = "The members")
    @APIResponse(responseCode = "404", description = "No such cohort")
    public List<MemberView> ofCohort(@PathParam("cohortId") UUID cohortId) {
        return members.ofCohort(cohortId);
    }
}

package org.stationf.aiprogram.resources.resourcepackage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.stationf.aiprogram.api.Page;
import org.stationf.aiprogram.api.PageRequest;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.Roles;

import java.util.UUID;

@Path("/packages")
@Tag(name = "Packages", description = "What each member of a cohort receives from each partner")
@Produces(MediaType.APPLICATION_JSON)
public class PackageResource {

    @Inject
    PackageService packages;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.APPLICANT})
    @Operation(operationId = "listPackages", summary = "List the cohorts' packages", description = "Every cohort's package, the most "
            + "recently changed first, a page at a time: the editions being prepared come before the past ones.")
    @APIResponse(responseCode = "200", description = "One page, with the total count")
    @APIResponse(responseCode = "400", description = "A bad page or size", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<PackageView> list(@BeanParam PageRequest pageRequest) {
        return packages.list(pageRequest.page(), pageRequest.size());
    }

    @PUT
    @Path("/{cohortId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setPackage", summary = "Set a cohort's package", description = "Create it, or replace it with the version you read. Enrolled members "
            + "lacking an item get its grant now; members enrolling later get the whole package. Grants already issued stay as "
            + "issued (their partners provisioned them so): a changed or removed item applies to members enrolling from now on.")
    @APIResponse(responseCode = "200", description = "The package", content = @Content(schema = @Schema(implementation = PackageView.class)))
    @APIResponse(responseCode = "400", description = "Invalid package, e.g. an unknown partner or more than 2 decimals", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such cohort (`cohort-unknown`): this service learns each cohort "
            + "cohort-service creates from its `CohortPlanned` event, within a second or so of its creation; or the cohort id is not a UUID")
    @APIResponse(responseCode = "409", description = "A stale version (the package changed since it was read), the cohort completed "
            + "(`cohort-completed`, with `completedAt`): its grants have ended and its package no longer changes, or the cohort was "
            + "discarded while planned (`cohort-discarded`, with `discardedAt`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PackageView put(@PathParam("cohortId") UUID cohortId, @Valid @NotNull PackageRequest request) {
        return packages.put(cohortId, request);
    }

    @GET
    @Path("/{cohortId}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.APPLICANT})
    @Operation(operationId = "getPackage", summary = "Read a cohort's package", description = "What each member of the cohort receives "
            + "from each partner: the program's published offer, readable by its partners and startups.")
    @APIResponse(responseCode = "200", description = "The package")
    @APIResponse(responseCode = "404", description = "No package for this cohort")
    public PackageView get(@PathParam("cohortId") UUID cohortId) {
        return packages.get(cohortId);
    }
}

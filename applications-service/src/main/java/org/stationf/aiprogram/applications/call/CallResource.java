package org.stationf.aiprogram.applications.call;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.QueryParams;
import org.stationf.aiprogram.api.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/calls")
@Tag(name = "Calls", description = "Calls for applications: one per edition of the program")
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    @Inject
    CallService calls;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.APPLICANT, Roles.REVIEWER, Roles.PARTNER})
    @Operation(operationId = "listCalls", summary = "List calls", description = "Everyone sees published calls; admins also see drafts and closed ones. "
            + "open=true keeps only calls accepting applications now.")
    @APIResponse(responseCode = "200", description = "The calls this caller may see")
    @APIResponse(responseCode = "400", description = "open is neither true nor false")
    public List<CallView> list(@Parameter(description = "Only calls accepting applications now",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("open") String open) {
        return calls.list(QueryParams.booleanOf("open", open, false));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.APPLICANT, Roles.REVIEWER, Roles.PARTNER})
    @Operation(operationId = "getCall", summary = "Read a call", description = "Drafts are for admins; to anyone else a draft does not exist (404).")
    @APIResponse(responseCode = "200", description = "The call", content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "404", description = "No such call (drafts are visible to admins only)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CallView get(@PathParam("id") UUID id) {
        return calls.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createCall", summary = "Create a call (as a draft)", description = "Only admins see a draft; applicants see the call "
            + "once it is published. Its instants are read in its time zone; the rubric's weights must sum to 1.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CallView.class)),
            headers = @Header(name = "Location", description = "The new call: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid call, e.g. rubric weights not summing to 1", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CallRequest request) {
        CallView created = calls.create(request);
        return Response.created(URI.create("/calls/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateCall", summary = "Edit a call", description = "Send the whole call with the version you read. "
            + "Once reviews are scored, the rubric keeps its criteria and scale; new weights recompute the weighted scores given. "
            + "New eligibility rules judge again the submitted applications awaiting a decision, but for those whose "
            + "eligibility an admin overrode (one no longer eligible loses its reviews not yet scored); rules that would make "
            + "an application on the unpublished shortlist ineligible are refused (shortlisted, naming the applicationIds).")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "409", description = "Stale version, the call is closed, its rubric is in use (rubric-in-use), "
            + "or the new rules would make a shortlisted application ineligible (shortlisted)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such call")
    public CallView update(@PathParam("id") UUID id, @Valid @NotNull CallRequest request) {
        return calls.update(id, request);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "publishCall", summary = "Publish a draft call", description = "It becomes visible and accepts applications between its opening and closing instants.")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such call")
    public CallView publish(@PathParam("id") UUID id) {
        return calls.publish(id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "discardCall", summary = "Discard a draft call", description = "For a draft made by mistake; its review committee goes "
            + "with it. A published or closed call stays for the record (close it instead).")
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "409", description = "Not a draft (problem type call-not-draft)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such call")
    public void discard(@PathParam("id") UUID id) {
        calls.discard(id);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "closeCall", summary = "Close a call now", description = "Applications are refused from now on, even before the closing instant: "
            + "closesAt becomes now. Submissions already under way land first, with a submittedAt before it.")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "409", description = "Not published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such call")
    public CallView close(@PathParam("id") UUID id) {
        return calls.close(id);
    }

    @POST
    @Path("/{id}/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "copyCall", summary = "Copy a call into the next edition", description = "Same rules, form, rubric and partners; new name and dates; a draft.")
    @APIResponse(responseCode = "201", description = "The new draft call", content = @Content(schema = @Schema(implementation = CallView.class)),
            headers = @Header(name = "Location", description = "The new call: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such call")
    public Response copy(@PathParam("id") UUID id, @Valid @NotNull CallCopyRequest request) {
        CallView created = calls.copy(id, request);
        return Response.created(URI.create("/calls/" + created.id())).entity(created).build();
    }
}

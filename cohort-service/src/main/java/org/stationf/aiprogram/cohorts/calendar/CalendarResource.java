package org.stationf.aiprogram.cohorts.calendar;

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

@Path("/cohorts/{cohortId}/calendar")
@Tag(name = "Calendar", description = "Workshops, partner office hours, mentoring slots and demo day; also as iCalendar")
public class CalendarResource {

    @Inject
    CalendarService calendar;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.APPLICANT})
    @Operation(operationId = "listCalendarEvents", summary = "A cohort's calendar", description = "Admins see all events; partners all but the mentoring sessions members booked "
            + "with other partners' mentors; a member startup the events it attends, its own mentoring sessions among them (once it has left the program, "
            + "those that started before it left).")
    @APIResponse(responseCode = "200", description = "The events, in time order")
    @APIResponse(responseCode = "404", description = "No such cohort")
    public List<CalendarEventView> list(@PathParam("cohortId") UUID cohortId) {
        return calendar.visibleEvents(cohortId).stream().map(CalendarEventView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createCalendarEvent", summary = "Add an event", description = "A workshop, office hours, a mentoring slot "
            + "or demo day, with a place, a link or both; without attendees every member of the cohort attends.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = CalendarEventView.class)),
            headers = @Header(name = "Location", description = "The new event: the URL to read it at", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such cohort")
    @APIResponse(responseCode = "409", description = "The cohort has completed (problem type cohort-completed, with completedAt): its calendar is the record of what took place", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("cohortId") UUID cohortId, @Valid @NotNull CalendarEventRequest request) {
        CalendarEventView created = calendar.create(cohortId, request);
        return Response.created(URI.create("/cohorts/" + cohortId + "/calendar/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{eventId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.APPLICANT})
    @Operation(operationId = "getCalendarEvent", summary = "Read an event", description = "What the list shows of it, to whom the list shows it: "
            + "admins any event, partners any but another partner's mentoring session, a member startup one it attends. Where adding an event's Location points.")
    @APIResponse(responseCode = "200", description = "The event")
    @APIResponse(responseCode = "404", description = "No such cohort or calendar event for this caller")
    public CalendarEventView get(@PathParam("cohortId") UUID cohortId, @PathParam("eventId") UUID eventId) {
        return CalendarEventView.of(calendar.visibleEvent(cohortId, eventId));
    }

    @PUT
    @Path("/{eventId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateCalendarEvent", summary = "Change an event", description = "Send it whole with the version you read. "
            + "A member's mentoring session (mentoringSessionId set) changes only where it was booked, in resources-service.")
    @APIResponse(responseCode = "200", description = "The event")
    @APIResponse(responseCode = "404", description = "No such cohort or calendar event")
    @APIResponse(responseCode = "409", description = "A stale version, the event was cancelled, the cohort has completed, or the event is a member's "
            + "mentoring session (problem type mentoring-session, with sessionId: cancel the session instead)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarEventView update(@PathParam("cohortId") UUID cohortId, @PathParam("eventId") UUID eventId,
                                    @Valid @NotNull CalendarEventRequest request) {
        return calendar.update(cohortId, eventId, request);
    }

    @DELETE
    @Path("/{eventId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "cancelCalendarEvent", summary = "Cancel an event", description = "It stays in the calendar with cancelledAt set, and in the "
            + "iCalendar exports with STATUS:CANCELLED and a higher SEQUENCE, so members and their calendar apps see it cancelled rather than gone. "
            + "Cancelling it again changes nothing. A member's mentoring session is cancelled where it was booked (POST /api/resources/sessions/{id}/cancel), and is marked here then.")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "No such cohort or calendar event")
    @APIResponse(responseCode = "409", description = "The cohort has completed (problem type cohort-completed, with completedAt): its calendar is the record of what took place; "
            + "or the event is a member's mentoring session (problem type mentoring-session, with sessionId)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void cancel(@PathParam("cohortId") UUID cohortId, @PathParam("eventId") UUID eventId) {
        calendar.cancel(cohortId, eventId);
    }
}

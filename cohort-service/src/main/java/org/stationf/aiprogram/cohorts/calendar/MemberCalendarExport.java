package org.stationf.aiprogram.cohorts.calendar;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Roles;

import java.util.UUID;

/** A member's own calendar as an iCalendar file. */
@Path("/members/{memberId}/calendar.ics")
@Tag(name = "Calendar")
public class MemberCalendarExport {

    @Inject
    CalendarService calendar;

    @GET
    @Produces(ICalendarWriter.MEDIA_TYPE)
    @RolesAllowed({Roles.ADMIN, Roles.APPLICANT})
    @Operation(operationId = "exportMemberCalendar", summary = "A member's own calendar as iCalendar", description = "The cohort's events the "
            + "member attends and the mentoring sessions it booked (once it has left the program, those that started before it left), cancelled ones marked so, for a calendar app to subscribe to. For admins and the member's own startup.")
    @APIResponse(responseCode = "200", description = "RFC 5545 iCalendar", content = @Content(mediaType = ICalendarWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, description = "A VCALENDAR with one VEVENT per event")))
    @APIResponse(responseCode = "404", description = "No such member for this caller")
    public Response member(@PathParam("memberId") UUID memberId) {
        return ICalendarWriter.file(ICalendarWriter.write(calendar.memberCalendarName(memberId), calendar.memberEvents(memberId)), "member-" + memberId);
    }
}

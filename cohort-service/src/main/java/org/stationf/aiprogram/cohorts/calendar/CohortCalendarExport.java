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

/** A cohort's calendar as an iCalendar file, for calendar apps to subscribe to. */
@Path("/cohorts/{cohortId}/calendar.ics")
@Tag(name = "Calendar")
public class CohortCalendarExport {

    @Inject
    CalendarService calendar;

    @GET
    @Produces(ICalendarWriter.MEDIA_TYPE)
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.APPLICANT})
    @Operation(operationId = "exportCohortCalendar", summary = "A cohort's calendar as iCalendar", description = "The same events as the JSON calendar, as the caller may see them.")
    @APIResponse(responseCode = "200", description = "RFC 5545 iCalendar", content = @Content(mediaType = ICalendarWriter.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, description = "A VCALENDAR with one VEVENT per event")))
    @APIResponse(responseCode = "404", description = "No such cohort")
    public Response cohort(@PathParam("cohortId") UUID cohortId) {
        return ICalendarWriter.file(ICalendarWriter.write(calendar.cohortName(cohortId), calendar.visibleEvents(cohortId)), "cohort-" + cohortId);
    }
}

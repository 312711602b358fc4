package org.stationf.aiprogram.cohorts.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes RFC 5545 iCalendar: events in UTC, text escaped, lines folded at 75 octets, CRLF line ends. Written by hand
 * because the service only ever writes simple UTC events; the tests read the result back with ical4j.
 */
public final class ICalendarWriter {

    public static final String MEDIA_TYPE = "text/calendar";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendarWriter() {
    }

    public static String write(String calendarName, List<CalendarEvent> events) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//AI Startup Program//cohort-service//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + escape(calendarName));
        for (CalendarEvent event : events) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + event.id + "@ai-startup-program");
            line(ics, "DTSTAMP:" + utc(event.updatedAt));
            line(ics, "LAST-MODIFIED:" + utc(event.updatedAt));
            line(ics, "SEQUENCE:" + event.version);
            line(ics, "DTSTART:" + utc(event.startsAt));
            line(ics, "DTEND:" + utc(event.endsAt));
            line(ics, "SUMMARY:" + escape(event.title));
            line(ics, "CATEGORIES:" + event.kind.name());
            line(ics, "STATUS:" + (event.cancelledAt == null ? "CONFIRMED" : "CANCELLED"));
            if (event.description != null && !event.description.isBlank()) {
                line(ics, "DESCRIPTION:" + escape(event.description));
            }
            if (event.location != null && !event.location.isBlank()) {
                line(ics, "LOCATION:" + escape(event.location));
            }
            if (event.link != null && !event.link.isBlank()) {
                line(ics, "URL:" + event.link);
            }
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** The calendar as an inline .ics download. */
    public static jakarta.ws.rs.core.Response file(String ics, String name) {
        return jakarta.ws.rs.core.Response.ok(ics, MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"" + name + ".ics\"").build();
    }

    private static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /** TEXT values: backslash, semicolon, comma and newline are escaped (RFC 5545 §3.3.11). */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Content lines longer than 75 octets are folded: CRLF then a space (RFC 5545 §3.1), never inside a character. */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                ics.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}

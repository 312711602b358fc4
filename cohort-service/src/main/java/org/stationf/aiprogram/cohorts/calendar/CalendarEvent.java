package org.stationf.aiprogram.cohorts.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.stationf.aiprogram.cohorts.member.Member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A workshop, office hours with a partner, a mentoring slot or session, or the demo day. */
@Entity
@Table(name = "calendar_event")
public class CalendarEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Also the iCalendar SEQUENCE: calendar apps replace an event when it grows. */
    @Version
    public long version;

    @Column(name = "cohort_id", nullable = false)
    public UUID cohortId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventKind kind;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    public String location;

    public String link;

    public String partner;

    /** Member ids attending; null means every member of the cohort. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<UUID> attendees;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Set when an admin cancels it: the event stays, marked, and can no longer change. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /**
     * The mentoring session this event shows, booked by a member in resources-service; null for the events admins
     * add. Such an event follows its session's events and changes only with the session.
     */
    @Column(name = "mentoring_session_id")
    public UUID mentoringSessionId;

    /** Listed among its attendees (no list: every member attends), and starting while the member is in the program. */
    public boolean attendedBy(Member member) {
        return (attendees == null || attendees.contains(member.id)) && (member.leftAt == null || startsAt.isBefore(member.leftAt));
    }
}

package org.stationf.aiprogram.applications.call;

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

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A call for applications: one edition of the program. */
@Entity
@Table(name = "program_call")
public class Call extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String edition;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallStatus status;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @Column(name = "review_closes_at", nullable = false)
    public Instant reviewClosesAt;

    @Column(nullable = false)
    public int places;

    @Column(name = "reviewers_per_application", nullable = false)
    public int reviewersPerApplication;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> partners;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public EligibilityRules eligibility;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Question> questions;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Rubric rubric;

    @Column(name = "decisions_published_at")
    public Instant decisionsPublishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Published, and the server's clock is between the opening and the closing instant. */
    public boolean acceptsApplicationsAt(Instant now) {
        return status == CallStatus.PUBLISHED && !now.isBefore(opensAt) && !now.isAfter(closesAt);
    }
}

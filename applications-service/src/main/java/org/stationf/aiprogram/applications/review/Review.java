package org.stationf.aiprogram.applications.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One reviewer's assignment to one application, and the scores given so far. */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "reviewer_id", nullable = false)
    public UUID reviewerId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Score> scores = List.of();

    /** Σ weight × score over the rubric, once every criterion is scored; null while incomplete. */
    @Column(name = "weighted_score", precision = 12, scale = 6)
    public BigDecimal weightedScore;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

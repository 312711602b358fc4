package org.stationf.aiprogram.cohorts.candidate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A shortlisted application that may be selected into a cohort, as reported by applications-service. */
@Entity
@Table(name = "candidate")
public class Candidate extends PanacheEntityBase {

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "applicant_id", nullable = false)
    public String applicantId;

    @Column(name = "company_name", nullable = false)
    public String companyName;

    public String country;

    public String stage;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> models = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Contact> founders = List.of();

    /** Rank in the call's ranking when it was shortlisted. */
    public Integer rank;

    @Column(name = "normalized_score")
    public BigDecimal normalizedScore;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "shortlisted_at", nullable = false)
    public Instant shortlistedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Set when the application was withdrawn: the candidate can no longer be selected. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;
}

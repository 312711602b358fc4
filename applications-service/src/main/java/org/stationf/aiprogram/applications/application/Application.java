package org.stationf.aiprogram.applications.application;

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
import org.stationf.aiprogram.applications.call.Stage;
import org.stationf.aiprogram.applications.eligibility.EligibilityOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    /** The startup account (token subject) that owns the application. */
    @Column(name = "applicant_id", nullable = false)
    public String applicantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    @Column(name = "company_name", nullable = false)
    public String companyName;

    @Column(name = "normalized_name")
    public String normalizedName;

    @Column(name = "registration_number")
    public String registrationNumber;

    @Column(name = "registration_key")
    public String registrationKey;

    public String country;

    public String website;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    @Column(name = "team_size")
    public Integer teamSize;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Founder> founders = List.of();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "founder_emails", nullable = false)
    public String[] founderEmails = new String[0];

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ModelUse> models = List.of();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "model_names", nullable = false)
    public String[] modelNames = new String[0];

    public String product;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> answers = Map.of();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Enumerated(EnumType.STRING)
    public EligibilityOutcome eligibility;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "eligibility_reasons", nullable = false)
    public List<String> eligibilityReasons = List.of();

    @Column(name = "eligibility_overridden", nullable = false)
    public boolean eligibilityOverridden;

    /** The admin's shortlist decision; applicants see it only once published. */
    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_published_at")
    public Instant decisionPublishedAt;
}

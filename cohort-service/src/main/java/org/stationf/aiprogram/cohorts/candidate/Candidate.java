package org.stationf.aiprogram.cohorts.candidate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An application that may be selected into a cohort, as reported by applications-service. */
@Entity
@Table(name = "candidate")
public class Candidate extends PanacheEntityBase {

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "applicant_id", nullable = false)
    public String applicantId;

    @Column(name = "company_name", nullable = false)
    public String companyName;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}

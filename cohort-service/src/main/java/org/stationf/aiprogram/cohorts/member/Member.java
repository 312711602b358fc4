package org.stationf.aiprogram.cohorts.member;

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
import org.stationf.aiprogram.cohorts.candidate.Contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A startup in a cohort, from the accepted offer to graduation. */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "cohort_id", nullable = false)
    public UUID cohortId;

    @Column(name = "selection_id", nullable = false)
    public UUID selectionId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    /** The startup account (token subject). */
    @Column(name = "applicant_id", nullable = false)
    public String applicantId;

    @Column(name = "company_name", nullable = false)
    public String companyName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Contact> contacts = List.of();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberStatus status;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;

    @Column(name = "left_at")
    public Instant leftAt;

    @Column(name = "left_reason")
    public String leftReason;

    /** Whether the member will graduate when the cohort completes; an admin can say otherwise. */
    @Column(nullable = false)
    public boolean completed = true;

    @Column(name = "completion_note")
    public String completionNote;
}

package org.stationf.aiprogram.resources.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.stationf.aiprogram.resources.partner.Contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A cohort member as cohort-service reported it: the one grants are issued to. */
@Entity
@Table(name = "enrollment")
public class Enrollment extends PanacheEntityBase {

    public static final String ENROLLED = "ENROLLED";
    public static final String LEFT = "LEFT";

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "cohort_id", nullable = false)
    public UUID cohortId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    /** The startup account (token subject) that may read these grants. */
    @Column(name = "applicant_id", nullable = false)
    public String applicantId;

    @Column(name = "company_name", nullable = false)
    public String companyName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Contact> contacts = List.of();

    @Column(nullable = false)
    public String status;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;

    @Column(name = "left_at")
    public Instant leftAt;
}

package org.stationf.aiprogram.applications.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One line of an application's history: who moved it from what to what, when and why. */
@Entity
@Table(name = "application_status_change")
public class StatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_status_change_seq")
    @SequenceGenerator(name = "application_status_change_seq", sequenceName = "application_status_change_seq", allocationSize = 50)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ApplicationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ApplicationStatus toStatus;

    public String reason;
}

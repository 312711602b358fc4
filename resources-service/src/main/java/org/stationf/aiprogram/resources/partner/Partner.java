package org.stationf.aiprogram.resources.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** An organisation that gives resources to the cohort's members (Meta, Hugging Face, Scaleway, ...). */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    public String code;

    @Version
    public long version;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

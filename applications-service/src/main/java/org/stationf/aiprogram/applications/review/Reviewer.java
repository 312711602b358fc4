package org.stationf.aiprogram.applications.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Someone who scores applications: program staff or partner staff (Meta, Hugging Face, Scaleway, ...). */
@Entity
@Table(name = "reviewer")
public class Reviewer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    /** The subject of the reviewer's tokens. */
    @Column(name = "account_id", nullable = false, unique = true)
    public String accountId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String organization;

    /** Normalized names of companies the reviewer must not review. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "conflict_companies", nullable = false)
    public List<String> conflictCompanies = List.of();

    /** Domains (and their subdomains) whose founders or websites the reviewer must not review. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "conflict_domains", nullable = false)
    public List<String> conflictDomains = List.of();

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

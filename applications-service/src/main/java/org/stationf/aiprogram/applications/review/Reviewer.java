package org.stationf.aiprogram.applications.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.stationf.aiprogram.applications.application.Application;
import org.stationf.aiprogram.applications.application.CompanyNames;
import org.stationf.aiprogram.applications.application.Founder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

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

    /** Conflicted: the reviewer declared the company, or a domain of a founder's email or of the company's website. */
    public boolean conflictsWith(Application application) {
        if (conflictCompanies.contains(application.normalizedName)) {
            return true;
        }
        List<String> domains = Stream.concat(application.founders.stream().map(Founder::email), Stream.of(application.website))
                .map(CompanyNames::domainOf).filter(domain -> domain != null).toList();
        return conflictDomains.stream().anyMatch(conflict -> domains.stream().anyMatch(domain -> CompanyNames.within(domain, conflict)));
    }
}

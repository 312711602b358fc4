package org.stationf.aiprogram.resources.mentoring;

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

/** A partner's researcher or engineer who mentors members (Meta's, first of all). */
@Entity
@Table(name = "mentor")
public class Mentor extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(nullable = false)
    public String partner;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> expertise = List.of();

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

package org.stationf.aiprogram.resources.resourcepackage;

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

/** A cohort's resource package: for each partner, what every member receives. */
@Entity
@Table(name = "resource_package")
public class ResourcePackage extends PanacheEntityBase {

    @Id
    @Column(name = "cohort_id")
    public UUID cohortId;

    @Version
    public long version;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<PackageItem> items = List.of();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

package org.stationf.aiprogram.resources.partner;

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

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Contact> contacts = List.of();

    /** Where grant events are sent; none means no webhooks. */
    @Column(name = "webhook_url")
    public String webhookUrl;

    /** The HMAC-SHA256 key webhooks are signed with; shown to admins when created or rotated. */
    @Column(name = "signing_secret", nullable = false)
    public String signingSecret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

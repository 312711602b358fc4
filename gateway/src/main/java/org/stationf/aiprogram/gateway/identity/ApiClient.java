package org.stationf.aiprogram.gateway.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/** A client of the OAuth2 client-credentials flow: a partner's system, an admin tool, a reviewer's account. */
@Entity
@Table(name = "api_client")
public class ApiClient extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String REVOKED = "REVOKED";

    @Id
    @Column(name = "client_id")
    public String clientId;

    @Column(nullable = false)
    public String name;

    /** bcrypt hash of the secret; the secret itself is shown once, when created or rotated. */
    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> roles;

    /** For partner clients: META, HUGGING_FACE, SCALEWAY, ... */
    public String partner;

    /** The tokens' subject: what services see as the caller (e.g. the reviewer's account id). */
    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "rotated_at")
    public Instant rotatedAt;

    /** bcrypt hash of the secret a planned rotation replaced: it still gets tokens until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret_hash")
    public String previousSecretHash;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}

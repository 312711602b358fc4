package org.stationf.aiprogram.resources.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.stationf.aiprogram.api.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

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

    /** Where grant and mentoring events are sent; none means no webhooks. */
    @Column(name = "webhook_url")
    public String webhookUrl;

    /** The partner set the URL itself: it is only called at a public https address ({@link PartnerWebhookUrls}). */
    @Column(name = "webhook_url_set_by_partner", nullable = false)
    public boolean webhookUrlSetByPartner;

    /** The HMAC-SHA256 key webhooks are signed with; shown to admins when created or rotated. */
    @Column(name = "signing_secret", nullable = false)
    public String signingSecret;

    /** The secret a planned rotation replaced: webhooks are signed with it too until {@link #previousSigningSecretUntil}. */
    @Column(name = "previous_signing_secret")
    public String previousSigningSecret;

    @Column(name = "previous_signing_secret_until")
    public Instant previousSigningSecretUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * A partner code given as a filter, upper-cased; a code no partner has is a 400 naming the parameter, since a
     * typo ({@code ?partner=scaleway-fr}) would otherwise read as "this partner has nothing".
     */
    public static String filterCode(String parameter, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String normalized = code.trim().toUpperCase(Locale.ROOT);
        if (findById(normalized) == null) {
            throw ProblemException.invalid(parameter, "no partner has the code \"" + code.trim() + "\"");
        }
        return normalized;
    }
}

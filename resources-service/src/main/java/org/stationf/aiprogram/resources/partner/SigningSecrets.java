package org.stationf.aiprogram.resources.partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.stationf.aiprogram.api.AdvisoryLocks;
import org.stationf.aiprogram.api.SealedSecrets;
import org.stationf.aiprogram.api.SecretRotations;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The partners' webhook signing secrets. Each is generated here and shown once; the database keeps it sealed under
 * {@code WEBHOOK_SECRETS_KEY} (the partner code as the row), so a copy of the database cannot sign webhooks a partner
 * would trust.
 */
@ApplicationScoped
public class SigningSecrets {

    private static final Logger LOG = Logger.getLogger(SigningSecrets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @ConfigProperty(name = "resources.webhooks.secrets-key")
    Optional<String> secretsKey;

    /** The key secretsKey replaces, while it is being rotated: secrets sealed with it still open, and are sealed again at start. */
    @ConfigProperty(name = "resources.webhooks.previous-secrets-key")
    Optional<String> previousSecretsKey;

    private SealedSecrets sealed;

    @PostConstruct
    void init() {
        sealed = new SealedSecrets(secretsKey, previousSecretsKey, "WEBHOOK_SECRETS_KEY", "webhook signing secret of partner",
                "if it is lost, give the partners new secrets: UPDATE partner SET signing_secret = 'lost-' || code, start, "
                        + "and rotate each at POST /partners/{code}/signing-secret");
    }

    /**
     * Checks at start that every stored secret opens, so a wrong key stops the service here rather than every webhook
     * later, and seals with the current key those stored before a key was set or sealed with WEBHOOK_SECRETS_KEY_PREVIOUS.
     */
    void onStart(@Observes StartupEvent startup) {
        if (!sealed.seals()) {
            LOG.warn("WEBHOOK_SECRETS_KEY is not set: the partners' webhook signing secrets are stored unencrypted in "
                    + "resources-service's database");
        }
        int newlySealed = QuarkusTransaction.requiringNew().call(() -> {
            // Instances starting together would seal the same rows, and all but one would fail on the partner's version.
            AdvisoryLocks.holdUntilTransactionEnds(Partner.getEntityManager(), "resources-seal-signing-secrets");
            List<Partner> partners = Partner.listAll();
            int count = 0;
            for (Partner partner : partners) {
                Optional<String> resealed = sealed.resealed(partner.code, partner.signingSecret);
                if (resealed.isPresent()) {
                    partner.signingSecret = resealed.get();
                    count++;
                }
                if (partner.previousSigningSecret != null) {
                    Optional<String> previous = sealed.resealed(partner.code, partner.previousSigningSecret);
                    previous.ifPresent(secret -> partner.previousSigningSecret = secret);
                }
            }
            return count;
        });
        if (newlySealed > 0) {
            LOG.infof("Sealed %d webhook signing secrets with the current WEBHOOK_SECRETS_KEY (stored unsealed, or under "
                    + "WEBHOOK_SECRETS_KEY_PREVIOUS)", newlySealed);
        }
    }

    /** Gives a new partner its secret, stored sealed; returns it for the one answer that shows it. */
    public String issue(Partner partner) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "whsec_" + HexFormat.of().formatHex(random);
        partner.signingSecret = sealed.seal(partner.code, secret);
        return secret;
    }

    /**
     * Gives the partner a new secret; the one it replaces still signs webhooks until {@code previousUntil}, or stops at
     * once when that is null (a secret that may have leaked). A secret an earlier rotation kept is dropped either way.
     */
    public String rotate(Partner partner, Instant previousUntil) {
        partner.previousSigningSecret = previousUntil == null ? null : partner.signingSecret;
        partner.previousSigningSecretUntil = previousUntil;
        return issue(partner);
    }

    /** The partner's secret. */
    public String open(Partner partner) {
        return sealed.open(partner.code, partner.signingSecret);
    }

    /** The secrets a webhook sent now is signed with: the partner's, and the one its last rotation kept, until it ends. */
    public List<String> signingNow(Partner partner, Instant now) {
        if (!SecretRotations.stillKept(partner.previousSigningSecret, partner.previousSigningSecretUntil, now)) {
            return List.of(open(partner));
        }
        return List.of(open(partner), sealed.open(partner.code, partner.previousSigningSecret));
    }
}

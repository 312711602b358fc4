package org.stationf.aiprogram.gateway.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;
import org.stationf.aiprogram.api.AdvisoryLocks;
import org.stationf.aiprogram.api.SealedSecrets;
import org.stationf.aiprogram.gateway.GatewayConfig;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The RS256 keys tokens are signed with. Rotation keeps old tokens valid: a NEXT key is always published ahead of use,
 * rotation makes it ACTIVE and moves the ACTIVE key to RETIRING, which stays in the JWKS until every token it signed has
 * expired. Services that cached the JWKS therefore already know the key a token is signed with.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    @Schema(name = "SigningKeyStatus")
    public enum Status { NEXT, ACTIVE, RETIRING, RETIRED }

    public record Key(String kid, Status status, PrivateKey privateKey, PublicKey publicKey, String publicJwk, Instant createdAt,
                      Instant retireAfter) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    private volatile List<Key> keys = List.of();

    /** The private halves are sealed in the database; the key id is the row a sealed key belongs to. */
    private SealedSecrets seal;

    @PostConstruct
    void init() {
        seal = new SealedSecrets(config.tokens().keyEncryptionSecret(), config.tokens().previousKeyEncryptionSecret(),
                "SIGNING_KEY_SECRET", "signing key",
                "to start over with new keys (every token issued so far stops working), DELETE FROM signing_key");
    }

    void onStart(@Observes StartupEvent startup) {
        if (!seal.seals()) {
            LOG.warn("SIGNING_KEY_SECRET is not set: the signing keys' private halves are stored unencrypted in the "
                    + "gateway's database, so anyone who can read it can forge tokens");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            AdvisoryLocks.holdUntilTransactionEnds(entityManager, "gateway-signing-keys");
            if (count(Status.ACTIVE) == 0) {
                insert(Status.ACTIVE);
            }
            if (count(Status.NEXT) == 0) {
                insert(Status.NEXT);
            }
            resealKeys();
        });
        reload();
    }

    /**
     * Keys stored before a secret was set are sealed at the first start that has one; keys sealed with
     * SIGNING_KEY_SECRET_PREVIOUS are sealed again with SIGNING_KEY_SECRET.
     */
    private void resealKeys() {
        @SuppressWarnings("unchecked")
        List<Object[]> stored = entityManager.createNativeQuery("SELECT kid, private_key FROM signing_key").getResultList();
        int resealed = 0;
        for (Object[] row : stored) {
            String kid = (String) row[0];
            Optional<String> sealed = seal.resealed(kid, (String) row[1]);
            if (sealed.isPresent()) {
                entityManager.createNativeQuery("UPDATE signing_key SET private_key = :sealed WHERE kid = :kid")
                        .setParameter("sealed", sealed.get()).setParameter("kid", kid).executeUpdate();
                resealed++;
            }
        }
        if (resealed > 0) {
            LOG.infof("Sealed %d signing keys with the current SIGNING_KEY_SECRET (stored unsealed, or under SIGNING_KEY_SECRET_PREVIOUS)", resealed);
        }
    }

    /** Rereads the keys (another gateway instance may have rotated them) and retires those past their time. */
    @Scheduled(every = "PT10S", delayed = "PT10S", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE signing_key SET status = 'RETIRED' WHERE status = 'RETIRING' AND retire_after < :now")
                .setParameter("now", clock.instant()).executeUpdate());
        reload();
    }

    public Key signing() {
        return keys.stream().filter(key -> key.status() == Status.ACTIVE).findFirst()
                .orElseThrow(() -> new IllegalStateException("no active signing key"));
    }

    /** The public key of a published key (NEXT, ACTIVE or RETIRING), or null: a token signed by any other key is refused. */
    public PublicKey publicKey(String kid) {
        return keys.stream().filter(key -> key.kid().equals(kid) && key.status() != Status.RETIRED)
                .map(Key::publicKey).findFirst().orElse(null);
    }

    /** The JSON Web Key Set services verify tokens with. */
    public String jwks() {
        return keys.stream().filter(key -> key.status() != Status.RETIRED).map(Key::publicJwk)
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    public List<Key> all() {
        return keys;
    }

    /** NEXT becomes ACTIVE, ACTIVE becomes RETIRING until its last token expires, and a new NEXT is published. */
    public Key rotate() {
        QuarkusTransaction.requiringNew().run(() -> {
            AdvisoryLocks.holdUntilTransactionEnds(entityManager, "gateway-signing-keys");
            Instant now = clock.instant();
            entityManager.createNativeQuery("UPDATE signing_key SET status = 'RETIRING', retire_after = :after WHERE status = 'ACTIVE'")
                    .setParameter("after", now.plus(config.tokens().lifetime()).plus(Duration.ofMinutes(5))).executeUpdate();
            entityManager.createNativeQuery("UPDATE signing_key SET status = 'ACTIVE', activated_at = :now WHERE status = 'NEXT'")
                    .setParameter("now", now).executeUpdate();
            insert(Status.NEXT);
        });
        reload();
        LOG.infof("Signing key rotated; now signing with %s", signing().kid());
        return signing();
    }

    private long count(Status status) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM signing_key WHERE status = :status")
                .setParameter("status", status.name()).getSingleResult()).longValue();
    }

    private void insert(Status status) {
        try {
            RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
            String kid = "k-" + UUID.randomUUID().toString().substring(0, 8);
            jwk.setKeyId(kid);
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            entityManager.createNativeQuery("""
                            INSERT INTO signing_key (kid, status, private_key, public_jwk, created_at, activated_at)
                            VALUES (:kid, :status, :privateKey, :publicJwk, :now, :activated)""")
                    .setParameter("kid", kid).setParameter("status", status.name())
                    .setParameter("privateKey", seal.seal(kid, Base64.getEncoder().encodeToString(jwk.getRsaPrivateKey().getEncoded())))
                    .setParameter("publicJwk", jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))
                    .setParameter("now", clock.instant())
                    .setParameter("activated", status == Status.ACTIVE ? clock.instant() : null)
                    .executeUpdate();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    private void reload() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT kid, status, private_key, public_jwk, created_at, retire_after FROM signing_key WHERE status <> 'RETIRED' ORDER BY created_at")
                .getResultList());
        List<Key> loaded = new ArrayList<>();
        for (Object[] row : rows) {
            // Outside the try: a key that does not open says why itself, naming the secret to set.
            String pkcs8 = seal.open((String) row[0], (String) row[2]);
            try {
                PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
                PublicKey publicKey = ((RsaJsonWebKey) JsonWebKey.Factory.newJwk((String) row[3])).getRsaPublicKey();
                loaded.add(new Key((String) row[0], Status.valueOf((String) row[1]), privateKey, publicKey, (String) row[3],
                        toInstant(row[4]), toInstant(row[5])));
            } catch (Exception e) {
                throw new IllegalStateException("Unreadable signing key " + row[0], e);
            }
        }
        keys = List.copyOf(loaded);
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}

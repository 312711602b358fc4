package org.stationf.aiprogram.gateway.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Revoked tokens and clients, held in memory so every request is checked without a database round trip; reread every
 * few seconds so revocations made through another gateway instance apply too.
 */
@ApplicationScoped
public class Revocations {

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    private volatile Set<String> revokedTokens = Set.of();
    private volatile Set<String> revokedClients = Set.of();

    void onStart(@Observes StartupEvent startup) {
        reload();
    }

    @Scheduled(every = "PT5S", delayed = "PT5S", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reload() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("DELETE FROM revoked_token WHERE expires_at < :now").setParameter("now", clock.instant()).executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> tokens = entityManager.createNativeQuery("SELECT jti FROM revoked_token").getResultList();
            @SuppressWarnings("unchecked")
            List<String> clients = entityManager.createNativeQuery("SELECT client_id FROM api_client WHERE status = 'REVOKED'").getResultList();
            revokedTokens = Set.copyOf(tokens);
            revokedClients = Set.copyOf(clients);
        });
    }

    public boolean tokenRevoked(String jti) {
        return jti != null && revokedTokens.contains(jti);
    }

    public boolean clientRevoked(String clientId) {
        return clientId != null && revokedClients.contains(clientId);
    }

    /** Revokes one token until it would have expired anyway. Call inside the transaction that records it. */
    public void revokeToken(String jti, Instant expiresAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO revoked_token (jti, expires_at, revoked_at) VALUES (:jti, :expires, :now) ON CONFLICT DO NOTHING""")
                .setParameter("jti", jti).setParameter("expires", expiresAt).setParameter("now", clock.instant()).executeUpdate();
        Set<String> updated = new HashSet<>(revokedTokens);
        updated.add(jti);
        revokedTokens = Set.copyOf(updated);
    }

    public void clientRevokedNow(String clientId) {
        Set<String> updated = new HashSet<>(revokedClients);
        updated.add(clientId);
        revokedClients = Set.copyOf(updated);
    }
}

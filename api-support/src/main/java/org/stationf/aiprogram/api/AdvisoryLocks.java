package org.stationf.aiprogram.api;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks by name, for what no row lock can serialize: rows not inserted yet (a company's first
 * application to a call, the bootstrap admin, the first signing keys), or work that instances starting together would
 * otherwise do twice.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits for the lock named {@code name}; it is held until the current transaction ends. */
    public static void holdUntilTransactionEnds(EntityManager entityManager, String name) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))")
                .setParameter("name", name).getSingleResult();
    }

    /** Takes the lock named {@code name} if no other transaction holds it, until the current transaction ends; false if one does. */
    public static boolean tryHoldUntilTransactionEnds(EntityManager entityManager, String name) {
        return (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(:name, 0))")
                .setParameter("name", name).getSingleResult();
    }
}

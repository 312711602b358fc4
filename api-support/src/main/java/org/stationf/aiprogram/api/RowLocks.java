package org.stationf.aiprogram.api;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockModeType;

import java.util.Optional;

/** Row locks on entities whose rows other transactions may delete while this one waits for the lock. */
public final class RowLocks {

    private RowLocks() {
    }

    /**
     * Locks the entity's row ({@code FOR UPDATE}) until the transaction ends and reads it again, so the caller sees
     * the latest committed state even if this transaction had read an older one; empty if the row was deleted while
     * this transaction waited for it.
     */
    public static <T> Optional<T> forUpdate(EntityManager entityManager, T entity) {
        try {
            entityManager.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
            return Optional.of(entity);
        } catch (EntityNotFoundException deleted) {
            return Optional.empty();
        }
    }
}

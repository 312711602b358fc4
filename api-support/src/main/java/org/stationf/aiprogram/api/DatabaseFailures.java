package org.stationf.aiprogram.api;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Tells failures that pass (the database unreachable, a lost connection, a serialization conflict) from those that
 * will fail again however often they are retried. Looks through causes and suppressed exceptions: a commit that fails
 * because the connection dropped surfaces as a RollbackException whose SQL error is a suppressed XAException's cause.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** The database could not be reached or dropped the connection: SQLSTATE class 08, 57P01-57P03, 53300, or a pool timeout. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
                    return true;
                }
                // Agroal reports an exhausted or unreachable pool without a SQLSTATE.
                if (state == null && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Two transactions collided (serialization failure, deadlock, optimistic lock): running again may succeed. */
    public static boolean isConcurrencyConflict(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.equals("jakarta.persistence.OptimisticLockException") || name.equals("org.hibernate.StaleObjectStateException")
                    || name.equals("org.hibernate.StaleStateException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database refused a value of the request (SQLSTATE class 22: a NUL character in a text, a number out of range,
     * a string too long for its column): the input is wrong, not the server.
     */
    public static boolean isDataException(Throwable failure) {
        return chain(failure).stream().anyMatch(t -> t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22"));
    }

    /** The database refused the write because of a unique constraint (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable failure) {
        return hasSqlState(failure, "23505");
    }

    public static boolean hasSqlState(Throwable failure, String sqlState) {
        return chain(failure).stream().anyMatch(t -> t instanceof SQLException sql && sqlState.equals(sql.getSQLState()));
    }

    /** The failure, its causes and its suppressed exceptions, each once. */
    static List<Throwable> chain(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty() && all.size() < 100) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            Collections.addAll(pending, t.getSuppressed());
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
        }
        return all;
    }
}

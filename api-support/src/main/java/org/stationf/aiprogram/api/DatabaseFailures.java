package org.stationf.aiprogram.api;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Tells failures that pass (the database unreachable, a lost connection, a serialization conflict)
 * from those that will fail again however often they are retried.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** The database could not be reached or dropped the connection: SQLSTATE class 08, 57P01-57P03, 53300, or a pool timeout. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
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
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
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
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** The database refused the write because of a unique constraint (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable failure) {
        return hasSqlState(failure, "23505");
    }

    public static boolean hasSqlState(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

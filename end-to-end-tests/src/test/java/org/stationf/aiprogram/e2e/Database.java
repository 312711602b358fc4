package org.stationf.aiprogram.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Direct access to the suite's databases, for what a test must check or break behind the services' backs. */
final class Database {

    private Database() {
    }

    static Connection connect(String database) throws SQLException {
        String host = env("PGHOST", "127.0.0.1");
        String port = env("PGPORT", "5432");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, env("PGUSER", "postgres"), env("PGPASSWORD", ""));
    }

    static long count(String database, String query) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Terminates every connection the services hold to the database, as a network cut or a server restart would. */
    static int terminateBackends(String database) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE datname = '" + database + "' AND pid <> pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A fingerprint of the business data: for each table, its row count and the newest transaction that wrote a visible
     * row. The event machinery's and jobs' own bookkeeping tables are left out.
     */
    static List<String> fingerprint(String database) {
        List<String> fingerprint = new ArrayList<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN "
                    + "('outbox_event', 'inbox_event', 'flyway_schema_history', 'webhook_delivery', 'revoked_token', 'signing_key', 'idempotent_request') "
                    + "ORDER BY tablename")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet result = statement.executeQuery("SELECT count(*), coalesce(max(xmin::text::bigint), 0) FROM " + table)) {
                    result.next();
                    fingerprint.add(table + ":" + result.getLong(1) + ":" + result.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return fingerprint;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

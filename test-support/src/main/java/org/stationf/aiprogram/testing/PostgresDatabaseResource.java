package org.stationf.aiprogram.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;

/**
 * The service's own test database on the real PostgreSQL server (127.0.0.1:5432 unless {@code PGHOST}/{@code PGPORT}
 * say otherwise), created if missing and emptied before the run so Flyway migrates it from scratch.
 * Init arg {@code database}: the database name.
 */
public class PostgresDatabaseResource implements QuarkusTestResourceLifecycleManager {

    public static final String APP_USER = env("PROGRAM_DB_USER", "program");
    public static final String APP_PASSWORD = env("PROGRAM_DB_PASSWORD", "program");

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = Objects.requireNonNull(initArgs.get("database"), "init arg 'database' is required");
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain identifier: " + database);
        }
    }

    @Override
    public Map<String, String> start() {
        String host = env("PGHOST", "127.0.0.1");
        String port = env("PGPORT", "5432");
        String adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection admin = DriverManager.getConnection(adminUrl, env("PGUSER", "postgres"), env("PGPASSWORD", ""));
             Statement sql = admin.createStatement()) {
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", APP_USER)) {
                sql.execute("CREATE ROLE " + APP_USER + " LOGIN CREATEDB PASSWORD '" + APP_PASSWORD.replace("'", "''") + "'");
            }
            if (exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                // A fresh schema each run: tests assert counts and orderings that old rows would blur.
                sql.execute("DROP DATABASE " + database + " WITH (FORCE)");
            }
            sql.execute("CREATE DATABASE " + database + " OWNER " + APP_USER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare test database " + database + " on " + adminUrl
                    + " (is PostgreSQL running? see README)", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.username", APP_USER,
                "quarkus.datasource.password", APP_PASSWORD);
    }

    @Override
    public void stop() {
    }

    private static boolean exists(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, value);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

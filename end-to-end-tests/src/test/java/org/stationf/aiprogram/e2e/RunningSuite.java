package org.stationf.aiprogram.e2e;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.stationf.aiprogram.testing.DocumentedResponses;
import org.stationf.aiprogram.testing.PostgresDatabaseResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real suite, started once for all end-to-end tests with {@code ./suite up} (fresh databases, a Kafka broker
 * from its jars, every service and the gateway as its own JVM) and stopped with {@code ./suite down} at the end.
 * Ports are offset from the defaults so a developer's running suite is left alone.
 */
public class RunningSuite implements BeforeAllCallback {

    public static final int GATEWAY_PORT = 28080;
    public static final int APPLICATIONS_PORT = 28081;
    public static final int COHORT_PORT = 28082;
    public static final int RESOURCES_PORT = 28083;
    public static final String DB_PREFIX = "e2e_";
    public static final String GATEWAY = "http://127.0.0.1:" + GATEWAY_PORT;
    public static final String KAFKA = "127.0.0.1:29092";
    public static final String ADMIN_SECRET = "e2e-admin-secret-0123456789";

    private static final Path ROOT = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    private static final Path HOME = Path.of(System.getProperty("suite.home", "target/suite")).toAbsolutePath();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningSuite.class, key -> start(), Stopper.class);
    }

    private static Stopper start() {
        for (String database : List.of("applications", "cohorts", "resources", "gateway")) {
            PostgresDatabaseResource fresh = new PostgresDatabaseResource();
            fresh.init(Map.of("database", DB_PREFIX + database));
            fresh.start();
        }
        run("down");
        deleteRecursively(HOME.resolve("kafka"));
        run("up");
        // Every answer read through the gateway is held to the documents the frontend team generates its client from.
        RestAssured.filters(DocumentedResponses.fromDocumentsAt("/q/openapi", "/openapi/applications", "/openapi/cohorts", "/openapi/resources"));
        return new Stopper();
    }

    /** Runs {@code ./suite <args>} against the test suite's home and ports, failing the test if it fails. */
    public static void run(String... args) {
        execute(ProcessBuilder.Redirect.appendTo(logFile()), args);
    }

    /** Runs {@code ./suite <args>} as {@link #run} does, and returns what it printed (its errors go to the log). */
    public static String output(String... args) {
        try {
            Path output = Files.createTempFile(HOME, "suite-output", ".txt");
            try {
                execute(ProcessBuilder.Redirect.to(output.toFile()), args);
                return Files.readString(output);
            } finally {
                Files.delete(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(ProcessBuilder.Redirect output, String... args) {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(ROOT.resolve("suite").toString());
        builder.command().addAll(List.of(args));
        builder.directory(ROOT.toFile()).redirectOutput(output)
                .redirectError(ProcessBuilder.Redirect.appendTo(logFile()));
        Map<String, String> env = builder.environment();
        env.put("SUITE_HOME", HOME.toString());
        env.put("SUITE_SKIP_BUILD", "1");
        env.put("SUITE_DB_PREFIX", DB_PREFIX);
        env.put("GATEWAY_PORT", String.valueOf(GATEWAY_PORT));
        env.put("GATEWAY_MANAGEMENT_PORT", "29000");
        env.put("APPLICATIONS_PORT", String.valueOf(APPLICATIONS_PORT));
        env.put("COHORT_PORT", String.valueOf(COHORT_PORT));
        env.put("RESOURCES_PORT", String.valueOf(RESOURCES_PORT));
        env.put("KAFKA_PORT", "29092");
        env.put("KAFKA_CONTROLLER_PORT", "29093");
        env.put("BOOTSTRAP_ADMIN_SECRET", ADMIN_SECRET);
        // The journey and the fuzzer are one admin client making thousands of calls in a few minutes, and sign up dozens of
        // founders from one address.
        env.put("RATE_LIMIT_PER_MINUTE", "100000");
        env.put("RATE_LIMIT_BURST", "20000");
        env.put("RATE_LIMIT_SIGN_UPS_BURST", "20000");
        // Offers expire and ended cohorts complete within the test's time, not a day later.
        env.put("OFFER_EXPIRY_CHECK", "PT1S");
        env.put("COHORT_COMPLETION_CHECK", "PT2S");
        try {
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./suite " + String.join(" ", args) + " did not finish; see " + logFile());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./suite " + String.join(" ", args) + " failed (exit " + process.exitValue()
                        + "); see " + logFile() + " and " + HOME.resolve("logs"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run ./suite", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Path logOf(String component) {
        return HOME.resolve("logs").resolve(component + ".log");
    }

    private static java.io.File logFile() {
        try {
            Files.createDirectories(HOME);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return HOME.resolve("suite-commands.log").toFile();
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the suite when JUnit closes its root store: as an AutoCloseable since JUnit 5.13, which warns about CloseableResource alone. */
    static final class Stopper implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            run("down");
        }
    }
}

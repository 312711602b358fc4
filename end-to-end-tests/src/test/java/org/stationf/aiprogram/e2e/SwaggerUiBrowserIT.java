package org.stationf.aiprogram.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stationf.aiprogram.testing.OpenApiContract;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI's users in a real browser: Debian's headless Chromium, driven by playwright-core, opens the gateway's
 * Swagger UI; a program admin authorizes with its client credentials and runs GET /calls, a founder authorizes with the
 * token its sign-up gave and runs GET /auth/me; each reads the answer. Every definition Swagger UI lists keeps the
 * OpenAPI contract.
 */
@ExtendWith(RunningSuite.class)
class SwaggerUiBrowserIT {

    @Test
    void anAdminAndAFounderAuthorizeInSwaggerUiAndRunACall() throws Exception {
        Path browserDir = Path.of(System.getProperty("browser.dir", "browser"));
        assertThat(new File("/usr/bin/chromium")).as("Debian's chromium package (.ci/run installs it: apt-get install chromium)").exists();
        assertThat(browserDir.resolve("node_modules/playwright-core")).as("playwright-core (npm ci in end-to-end-tests/browser)").exists();

        Path screenshot = Path.of(System.getProperty("suite.home", "target/suite")).resolve("swagger-ui.png");
        ProcessBuilder node = new ProcessBuilder("node", "swagger-ui.mjs").directory(browserDir.toFile()).redirectErrorStream(true);
        node.environment().put("GATEWAY_URL", RunningSuite.GATEWAY);
        node.environment().put("CLIENT_ID", "admin");
        node.environment().put("CLIENT_SECRET", RunningSuite.ADMIN_SECRET);
        String founder = "Ada Swagger " + UUID.randomUUID().toString().substring(0, 8);
        node.environment().put("FOUNDER_TOKEN", Api.founder(founder));
        node.environment().put("SCREENSHOT", screenshot.toString());
        Process process = node.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("the browser test finished: %s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("authorized with client credentials").contains("GET /calls answered 200")
                .contains("authorized with a bearer token").contains("GET /auth/me answered 200").contains(founder);
        assertThat(Files.size(screenshot)).isPositive();
    }

    /**
     * The documents Swagger UI's definition list offers are the services' own, rewritten by the gateway (its server,
     * its OAuth2 flow): they keep every service's contract, security included.
     */
    @ParameterizedTest
    @MethodSource("documents")
    void everyDefinitionSwaggerUiListsKeepsTheContract(String document) throws Exception {
        String json = given().baseUri(RunningSuite.GATEWAY).accept("application/json").get(document)
                .then().statusCode(200).extract().asString();
        assertThat(OpenApiContract.violations(new ObjectMapper().readTree(json))).as(document).isEmpty();
    }

    static Stream<String> documents() {
        return OpenApiFuzzIT.SERVICES.stream().map(OpenApiFuzzIT.Service::document);
    }
}

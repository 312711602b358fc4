package org.stationf.aiprogram.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program admin in a real browser: Debian's headless Chromium, driven by playwright-core, opens the gateway's
 * Swagger UI, authorizes with the admin's client credentials, runs GET /calls and reads the answer.
 */
@ExtendWith(RunningSuite.class)
class SwaggerUiBrowserIT {

    @Test
    void anAdminAuthorizesInSwaggerUiAndRunsACall() throws Exception {
        Path browserDir = Path.of(System.getProperty("browser.dir", "browser"));
        assertThat(new File("/usr/bin/chromium")).as("Debian's chromium package (.ci/run installs it: apt-get install chromium)").exists();
        assertThat(browserDir.resolve("node_modules/playwright-core")).as("playwright-core (npm ci in end-to-end-tests/browser)").exists();

        Path screenshot = Path.of(System.getProperty("suite.home", "target/suite")).resolve("swagger-ui.png");
        ProcessBuilder node = new ProcessBuilder("node", "swagger-ui.mjs").directory(browserDir.toFile()).redirectErrorStream(true);
        node.environment().put("GATEWAY_URL", RunningSuite.GATEWAY);
        node.environment().put("CLIENT_ID", "admin");
        node.environment().put("CLIENT_SECRET", RunningSuite.ADMIN_SECRET);
        node.environment().put("SCREENSHOT", screenshot.toString());
        Process process = node.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("the browser test finished: %s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("authorized with client credentials").contains("GET /calls answered 200");
        assertThat(Files.size(screenshot)).isPositive();
    }
}

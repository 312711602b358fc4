package org.stationf.aiprogram.testing;

import io.restassured.RestAssured;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Puts {@link DocumentedResponses} on RestAssured before each {@code @QuarkusTest} method of a module that has
 * test-support on its classpath, so every test checks the answers it reads against the served OpenAPI document
 * without asking. Found by Quarkus through {@code META-INF/services}.
 */
public class DocumentedResponsesCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        synchronized (RestAssured.class) {
            if (!RestAssured.filters().contains(DocumentedResponses.SERVED_DOCUMENT)) {
                RestAssured.filters(DocumentedResponses.SERVED_DOCUMENT);
            }
        }
    }
}

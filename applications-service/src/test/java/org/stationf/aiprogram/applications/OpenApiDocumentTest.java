package org.stationf.aiprogram.applications;

import io.quarkus.test.junit.QuarkusTest;
import org.stationf.aiprogram.testing.OpenApiContract;

/** The OpenAPI document is the contract the frontend team and partners build from: it must be complete on its own. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiContract {
}

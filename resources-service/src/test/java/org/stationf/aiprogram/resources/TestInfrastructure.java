package org.stationf.aiprogram.resources;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.stationf.aiprogram.testing.KafkaBrokerResource;
import org.stationf.aiprogram.testing.PostgresDatabaseResource;

/** Every test of this module runs against a real Kafka broker and this service's own PostgreSQL database. */
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "resources_test"))
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}

package org.stationf.aiprogram.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.stationf.aiprogram.testing.PostgresDatabaseResource;

/** The gateway's tests run against its own real PostgreSQL database and stand-in upstreams on loopback. */
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "gateway_test"))
@WithTestResource(value = StubUpstreams.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}

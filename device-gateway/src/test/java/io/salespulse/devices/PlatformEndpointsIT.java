package io.salespulse.devices;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.PlatformEndpointsContract;

/** Health (with the real database and broker), metrics, OpenAPI and the default token requirement. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PlatformEndpointsIT extends PlatformEndpointsContract {

    @Override
    protected String apiTitle() {
        return "Device Gateway";
    }
}

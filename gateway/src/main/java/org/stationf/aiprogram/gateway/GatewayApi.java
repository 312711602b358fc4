package org.stationf.aiprogram.gateway;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@OpenAPIDefinition(
        info = @Info(title = "gateway API", version = "1.0",
                description = "The public entry of the AI Startup Program suite: tokens, clients and keys. The services' APIs are "
                        + "under /api; pick them in Swagger UI's definition list."),
        security = @SecurityRequirement(name = GatewayApi.SECURITY_SCHEME))
@SecurityScheme(securitySchemeName = GatewayApi.SECURITY_SCHEME, type = SecuritySchemeType.OAUTH2,
        description = "Client credentials of the gateway",
        flows = @OAuthFlows(clientCredentials = @OAuthFlow(tokenUrl = "/oauth/token")))
public class GatewayApi extends Application {

    /** The gateway's bearer tokens, as Swagger UI's Authorize button obtains them. */
    public static final String SECURITY_SCHEME = "gatewayClientCredentials";
}

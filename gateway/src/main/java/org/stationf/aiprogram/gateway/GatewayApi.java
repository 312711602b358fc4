package org.stationf.aiprogram.gateway;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

@OpenAPIDefinition(
        info = @Info(title = "gateway API", version = "1.0",
                description = "The public entry of the AI Startup Program suite: tokens, clients and keys. The services' APIs are "
                        + "under /api; pick them in Swagger UI's definition list."),
        servers = @Server(url = "/", description = "The gateway"),
        security = { @SecurityRequirement(name = GatewayApi.BEARER_SCHEME), @SecurityRequirement(name = GatewayApi.SECURITY_SCHEME) })
@SecurityScheme(securitySchemeName = GatewayApi.SECURITY_SCHEME, type = SecuritySchemeType.OAUTH2,
        description = GatewayApi.SECURITY_SCHEME_DESCRIPTION,
        flows = @OAuthFlows(clientCredentials = @OAuthFlow(tokenUrl = GatewayApi.TOKEN_URL)))
// Declared here as well as by api-support's configuration (which gives its description): with the OAuth2 scheme alone
// among the annotations, SmallRye OpenAPI would offer the roles of @RolesAllowed as OAuth2 scopes, which the token
// endpoint does not take.
@SecurityScheme(securitySchemeName = GatewayApi.BEARER_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class GatewayApi extends Application {

    /** The gateway's bearer tokens, as Swagger UI's Authorize button obtains them. */
    public static final String SECURITY_SCHEME = "gatewayClientCredentials";
    /** Where, and in what words, that scheme sends Swagger UI for a token: in this document and in each service's. */
    public static final String TOKEN_URL = "/oauth/token";
    public static final String SECURITY_SCHEME_DESCRIPTION = "Client credentials of the gateway (POST " + TOKEN_URL + ")";

    /**
     * A bearer token pasted in Swagger UI's Authorize dialog: a founder's, from POST /auth/login, which no client
     * credentials give. The scheme every service's document declares too (api-support's
     * quarkus.smallrye-openapi.security-scheme and security-scheme-name); an operation lists under it the roles it admits.
     */
    public static final String BEARER_SCHEME = "bearerToken";
}

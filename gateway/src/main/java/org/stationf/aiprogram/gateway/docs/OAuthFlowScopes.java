package org.stationf.aiprogram.gateway.docs;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.security.OAuthFlows;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes an OAuth2 flow's scopes even when it has none: OpenAPI requires the map, and SmallRye OpenAPI leaves an empty
 * one out, which code generators and contract loaders (Vert.x OpenAPI, Spectral) refuse. The gateway's token endpoint
 * takes no scopes; a token carries its client's roles.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OAuthFlowScopes implements OASFilter {

    @Override
    public SecurityScheme filterSecurityScheme(SecurityScheme scheme) {
        OAuthFlows flows = scheme.getFlows();
        if (flows != null) {
            Stream.of(flows.getClientCredentials(), flows.getAuthorizationCode(), flows.getPassword(), flows.getImplicit())
                    .filter(Objects::nonNull)
                    .filter(flow -> flow.getScopes() == null)
                    .forEach(flow -> flow.setScopes(new LinkedHashMap<>()));
        }
        return scheme;
    }
}

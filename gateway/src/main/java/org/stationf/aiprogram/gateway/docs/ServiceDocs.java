package org.stationf.aiprogram.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.gateway.GatewayApi;
import org.stationf.aiprogram.gateway.routing.ProxyRoutes;
import org.stationf.aiprogram.gateway.routing.RouteTable;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Each service's OpenAPI document as seen through the gateway, for the aggregated Swagger UI: its server is the
 * gateway's public prefix, and every secured operation also accepts the gateway's OAuth2 client-credentials flow, so
 * Swagger UI's Authorize button gets tokens from the gateway itself.
 */
@Path("/openapi/{upstream}")
@Tag(name = "API documentation", description = "Each service's OpenAPI document as served through the gateway, for Swagger UI and client generators")
@SecurityRequirements
public class ServiceDocs {

    @Inject
    RouteTable routes;

    @Inject
    ProxyRoutes proxy;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getServiceOpenApi", summary = "A service's OpenAPI document, for use through the gateway",
            description = "What Swagger UI shows and a client generator takes: the service's own document, its server set to the "
                    + "gateway's prefix and the gateway's token endpoint offered in Authorize.")
    @APIResponse(responseCode = "200", description = "The document, its server set to the gateway's public prefix",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "An OpenAPI 3 document")))
    @APIResponse(responseCode = "404", description = "No such service (applications, cohorts, resources)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The service cannot be reached now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Response> document(@Parameter(description = "The service's route name in the gateway's configuration: "
            + "applications, cohorts and resources by default", example = "applications") @PathParam("upstream") String name) {
        RouteTable.Upstream upstream = routes.byName(name).orElseThrow(() -> ProblemException.notFound("Service", name));
        return proxy.client(upstream.name()).request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setHost(upstream.host()).setPort(upstream.port()).setSsl(upstream.ssl())
                        .setURI("/q/openapi?format=json").setConnectTimeout(2000).setIdleTimeout(5000))
                .compose(request -> request.send().compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(name + " answered " + response.statusCode());
                    }
                    return body.toString();
                })))
                .toCompletionStage()
                .thenApply(body -> Response.ok(rewrite(body, upstream)).header("Cache-Control", "no-cache").build())
                .exceptionally(failure -> {
                    throw new ProblemException(503, "upstream-unavailable", "Service unavailable",
                            "The API document of " + name + " cannot be fetched now: " + failure.getMessage()).with("upstream", name);
                });
    }

    /**
     * What the gateway itself may answer to any call it routes, beside what the service documents: the client's rate
     * limit, and the service unreachable, failing or too slow. Each comes with Retry-After, as a client needs to know.
     */
    private static final Map<String, String> GATEWAY_ANSWERS = Map.of(
            "429", "Too many requests from this client (from this address, without a token): wait Retry-After seconds",
            "503", "The service cannot be reached now, or is failing and the gateway stops calling it for a few seconds: "
                    + "retry after Retry-After seconds",
            "504", "The service did not answer within its route's timeout: retry after Retry-After seconds");

    private static void addGatewayAnswers(ObjectNode responses, boolean problemSchemaDeclared) {
        GATEWAY_ANSWERS.forEach((status, description) -> {
            if (!responses.has(status)) {
                ObjectNode response = responses.putObject(status).put("description", description);
                response.putObject("headers").putObject("Retry-After").put("description", "Seconds to wait before calling again")
                        .putObject("schema").put("type", "integer");
                if (problemSchemaDeclared) {
                    response.putObject("content").putObject(Problem.MEDIA_TYPE).putObject("schema").put("$ref", "#/components/schemas/Problem");
                }
            }
        });
    }

    String rewrite(String document, RouteTable.Upstream upstream) {
        try {
            ObjectNode root = (ObjectNode) json.readTree(document);
            ArrayNode servers = root.putArray("servers");
            servers.addObject().put("url", upstream.route().stripPrefix()).put("description", "Through the gateway");
            ObjectNode schemes = root.with("components").with("securitySchemes");
            ObjectNode oauth2 = schemes.putObject(GatewayApi.SECURITY_SCHEME);
            oauth2.put("type", "oauth2").put("description", GatewayApi.SECURITY_SCHEME_DESCRIPTION);
            oauth2.putObject("flows").putObject("clientCredentials").put("tokenUrl", GatewayApi.TOKEN_URL).putObject("scopes");
            boolean problemSchemaDeclared = root.path("components").path("schemas").has("Problem");
            JsonNode paths = root.path("paths");
            for (Iterator<JsonNode> pathItems = paths.elements(); pathItems.hasNext(); ) {
                for (Iterator<JsonNode> operations = pathItems.next().elements(); operations.hasNext(); ) {
                    JsonNode operation = operations.next();
                    if (operation.has("security") && operation.get("security").isArray() && !operation.get("security").isEmpty()) {
                        ((ArrayNode) operation.get("security")).addObject().putArray(GatewayApi.SECURITY_SCHEME);
                    }
                    if (operation.path("responses").isObject()) {
                        addGatewayAnswers((ObjectNode) operation.get("responses"), problemSchemaDeclared);
                    }
                }
            }
            return json.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable OpenAPI document of " + upstream.name(), e);
        }
    }
}

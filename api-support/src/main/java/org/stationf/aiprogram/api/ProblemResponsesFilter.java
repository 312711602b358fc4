package org.stationf.aiprogram.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;

import java.util.Map;

/**
 * Every error answer of the suite is a {@link Problem} (the mappers and fallbacks guarantee it), so the OpenAPI document
 * says so for every documented error: the 400, 401 and 403 that SmallRye OpenAPI adds on its own, and the ones a
 * resource declares by status and description only, get the {@code application/problem+json} body a generated client
 * can read. SmallRye's generic wording for 401 and 403 is replaced by what they mean here.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "Invalid input: the problem's errors name each offending field",
            "401", "No valid bearer token",
            "403", "The token's role may not do this");
    private static final Map<String, String> GENERATED_DESCRIPTIONS = Map.of(
            "400", "Bad Request",
            "401", "Not Authorized",
            "403", "Not Allowed");

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return operation;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("4") && !status.startsWith("5")) {
                return;
            }
            if (response.getRef() == null && (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemBody());
            }
            if (response.getDescription() == null || response.getDescription().equals(GENERATED_DESCRIPTIONS.get(status))) {
                response.setDescription(DESCRIPTIONS.getOrDefault(status, response.getDescription()));
            }
        });
        return operation;
    }

    private static Content problemBody() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem")));
    }
}

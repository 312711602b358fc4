package org.stationf.aiprogram.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Describes every path parameter the code left undescribed, from the path itself: {@code /calls/{id}} gets "The
 * call's id", {@code /members/{memberId}/milestones/{milestoneId}} "The member's id" and "The milestone's id", {@code
 * /partners/{code}} "The partner's code". Swagger UI shows the description beside the input box, and the frontend
 * team's generated clients carry it into their documentation; annotating the same sentence on some eighty parameters
 * would say nothing more.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PathParameterDescriptions implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> parameters(item)
                .filter(parameter -> parameter.getIn() == Parameter.In.PATH && parameter.getName() != null)
                .filter(parameter -> parameter.getDescription() == null || parameter.getDescription().isBlank())
                .forEach(parameter -> parameter.setDescription(describe(path, parameter.getName()))));
    }

    /** "The call's id" for {@code id} after {@code /calls/}; "The milestone's id" for {@code milestoneId} anywhere. */
    static String describe(String path, String name) {
        if (name.length() > 2 && name.endsWith("Id")) {
            return "The " + words(name.substring(0, name.length() - 2)) + "'s id";
        }
        String owner = segmentBefore(path, "{" + name + "}");
        return owner == null ? "The " + words(name) : "The " + singular(owner) + "'s " + words(name);
    }

    private static Stream<Parameter> parameters(PathItem item) {
        List<Parameter> all = new ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        item.getOperations().values().stream().map(operation -> operation.getParameters()).filter(Objects::nonNull).forEach(all::addAll);
        return all.stream();
    }

    private static String segmentBefore(String path, String template) {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals(template) && !segments[i - 1].isEmpty() && !segments[i - 1].startsWith("{")) {
                return words(segments[i - 1]);
            }
        }
        return null;
    }

    private static String singular(String noun) {
        if (noun.endsWith("ies")) {
            return noun.substring(0, noun.length() - 3) + "y";
        }
        return noun.endsWith("s") && !noun.endsWith("ss") ? noun.substring(0, noun.length() - 1) : noun;
    }

    /** {@code signingSecret} and {@code signing-secret} both read "signing secret". */
    private static String words(String identifier) {
        return identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('-', ' ').toLowerCase(Locale.ROOT);
    }
}

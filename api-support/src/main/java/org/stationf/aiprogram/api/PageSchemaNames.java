package org.stationf.aiprogram.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Names each {@link Page} schema after what it lists: SmallRye names a generic record after its Java types
 * ({@code PageApplicationView}), which a generated client would carry as a type name; the document says
 * {@code ApplicationPage}, beside the {@code Application} schema of its items.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PageSchemaNames implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Map<String, String> renamed = new HashMap<>();
        components.forEach((name, schema) -> {
            Schema items = schema.getProperties() == null ? null : schema.getProperties().get("items");
            String itemName = items == null || items.getItems() == null ? null : OpenApiModels.referencedComponent(items.getItems());
            if (name.startsWith(Page.class.getSimpleName()) && itemName != null && schema.getProperties().containsKey("total")) {
                renamed.put(name, itemName + Page.class.getSimpleName());
            }
        });
        if (renamed.isEmpty()) {
            return;
        }
        Deque<Schema> pending = new ArrayDeque<>(components.values());
        OpenApiModels.forEachOperation(openAPI, operation -> {
            OpenApiModels.answerSchemas(operation, pending::push);
            OpenApiModels.requestSchemas(operation, pending::push);
        });
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (seen.add(schema)) {
                String target = OpenApiModels.referencedComponent(schema);
                if (target != null && renamed.containsKey(target)) {
                    schema.setRef(OpenApiModels.COMPONENT_PREFIX + renamed.get(target));
                }
                OpenApiModels.children(schema).forEach(pending::push);
            }
        }
        renamed.forEach((from, to) -> {
            Schema page = components.get(from);
            openAPI.getComponents().removeSchema(from);
            openAPI.getComponents().addSchema(to, page);
        });
    }
}

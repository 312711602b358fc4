package org.stationf.aiprogram.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageSchemaNamesTest {

    @Test
    void aPageIsNamedAfterItsItemsAndEveryReferenceFollows() {
        Schema page = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("items", OASFactory.createSchema().addType(SchemaType.ARRAY).items(ref("Application")))
                .addProperty("total", OASFactory.createSchema().addType(SchemaType.INTEGER));
        Schema answer = ref("PageApplicationView");
        OpenAPI document = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("PageApplicationView", page)
                        .addSchema("Application", OASFactory.createSchema().addType(SchemaType.OBJECT)))
                .paths(OASFactory.createPaths().addPathItem("/applications", OASFactory.createPathItem()
                        .GET(OASFactory.createOperation().responses(OASFactory.createAPIResponses().addAPIResponse("200",
                                OASFactory.createAPIResponse().content(OASFactory.createContent().addMediaType("application/json",
                                        OASFactory.createMediaType().schema(answer))))))));

        new PageSchemaNames().filterOpenAPI(document);

        assertThat(document.getComponents().getSchemas()).containsOnlyKeys("ApplicationPage", "Application");
        assertThat(document.getComponents().getSchemas().get("ApplicationPage")).isSameAs(page);
        assertThat(answer.getRef()).isEqualTo("#/components/schemas/ApplicationPage");
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }
}

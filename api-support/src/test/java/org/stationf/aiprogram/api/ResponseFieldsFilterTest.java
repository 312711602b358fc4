package org.stationf.aiprogram.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseFieldsFilterTest {

    @Test
    void fieldsOfAnswerOnlySchemasAreRequiredUnlessNullableAndSchemasRequestsUseKeepTheirOwnRules() {
        Schema decision = object().addProperty("reason", string());
        Schema company = object().addProperty("name", string()).addProperty("website", nullable(string()));
        Schema application = object()
                .addProperty("id", string())
                .addProperty("submittedAt", nullable(string()))
                .addProperty("decision", OASFactory.createSchema().addType(SchemaType.OBJECT)
                        .addAnyOf(ref("Decision")).addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL)))
                .addProperty("company", ref("Company"));
        Schema request = object().addProperty("company", ref("Company")).required(List.of("company"));
        OpenAPI document = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Application", application).addSchema("Decision", decision)
                        .addSchema("Company", company).addSchema("ApplicationRequest", request))
                .paths(OASFactory.createPaths().addPathItem("/applications", OASFactory.createPathItem()
                        .POST(OASFactory.createOperation()
                                .requestBody(OASFactory.createRequestBody().content(json(ref("ApplicationRequest"))))
                                .responses(OASFactory.createAPIResponses().addAPIResponse("201",
                                        OASFactory.createAPIResponse().content(json(ref("Application"))))))));

        new ResponseFieldsFilter().filterOpenAPI(document);

        assertThat(application.getRequired()).containsExactly("id", "company");
        assertThat(decision.getRequired()).containsExactly("reason");
        assertThat(application.getProperties().get("decision").getType())
                .as("a null decision must not fail 'type: object'").isNull();
        assertThat(company.getRequired()).as("requests send it too: what they must send is its constraints' business").isNull();
        assertThat(request.getRequired()).containsExactly("company");
    }

    private static Schema object() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Schema nullable(Schema schema) {
        return schema.addType(SchemaType.NULL);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static Content json(Schema schema) {
        return OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType().schema(schema));
    }
}

package org.stationf.aiprogram.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathParameterDescriptionsTest {

    @Test
    void anIdIsNamedAfterTheCollectionBeforeIt() {
        assertThat(PathParameterDescriptions.describe("/calls/{id}/publish", "id")).isEqualTo("The call's id");
        assertThat(PathParameterDescriptions.describe("/webhooks/deliveries/{id}/redeliver", "id")).isEqualTo("The delivery's id");
        assertThat(PathParameterDescriptions.describe("/partners/{code}/signing-secret", "code")).isEqualTo("The partner's code");
    }

    @Test
    void aNamedIdSaysWhoseItIsWhereverItStands() {
        assertThat(PathParameterDescriptions.describe("/members/{memberId}/milestones/{milestoneId}", "milestoneId")).isEqualTo("The milestone's id");
        assertThat(PathParameterDescriptions.describe("/cohorts/{cohortId}/calendar/{eventId}", "cohortId")).isEqualTo("The cohort's id");
        assertThat(PathParameterDescriptions.describe("/admin/clients/{clientId}", "clientId")).isEqualTo("The client's id");
    }

    @Test
    void onlyUndescribedPathParametersAreDescribed() {
        Parameter id = pathParameter("id");
        Parameter explained = pathParameter("code").description("A partner code such as SCALEWAY");
        Parameter query = OASFactory.createParameter().name("status").in(Parameter.In.QUERY);
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/grants/{id}", OASFactory.createPathItem().GET(OASFactory.createOperation().addParameter(id).addParameter(query)))
                .addPathItem("/partners/{code}", OASFactory.createPathItem().addParameter(explained)));

        new PathParameterDescriptions().filterOpenAPI(document);

        assertThat(id.getDescription()).isEqualTo("The grant's id");
        assertThat(explained.getDescription()).isEqualTo("A partner code such as SCALEWAY");
        assertThat(query.getDescription()).isNull();
    }

    private static Parameter pathParameter(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true);
    }
}

package org.stationf.aiprogram.gateway.identity;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where identity providers put roles, and what the gateway reads there (OIDC_ROLES_CLAIM). */
class RolesClaimTest {

    @Test
    void aListOrASeparatedStringUnderTheClaimsName() throws Exception {
        assertThat(TokenVerifier.rolesIn(JwtClaims.parse("{\"groups\": [\"admin\", \"reviewer\"]}"), "groups"))
                .containsExactlyInAnyOrder("admin", "reviewer");
        assertThat(TokenVerifier.rolesIn(JwtClaims.parse("{\"scope\": \"partner applicant\"}"), "scope"))
                .containsExactlyInAnyOrder("partner", "applicant");
        assertThat(TokenVerifier.rolesIn(JwtClaims.parse("{\"roles\": \"admin,reviewer\"}"), "roles"))
                .containsExactlyInAnyOrder("admin", "reviewer");
    }

    @Test
    void keycloaksNestedRealmRolesByADottedPath() {
        JwtClaims keycloak = new JwtClaims();
        keycloak.setClaim("realm_access", Map.of("roles", List.of("reviewer", "offline_access")));
        assertThat(TokenVerifier.rolesIn(keycloak, "realm_access.roles")).containsExactlyInAnyOrder("reviewer", "offline_access");
    }

    @Test
    void aNamespacedClaimWithDotsInItsNameIsReadWhole() {
        JwtClaims auth0 = new JwtClaims();
        auth0.setClaim("https://program.example.com/roles", List.of("admin"));
        assertThat(TokenVerifier.rolesIn(auth0, "https://program.example.com/roles")).containsExactly("admin");
    }

    @Test
    void noRolesWhereTheClaimOrAPartOfItsPathIsMissingOrNotARoleList() {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("realm_access", "not an object");
        claims.setClaim("count", 3);
        assertThat(TokenVerifier.rolesIn(claims, "groups")).isEmpty();
        assertThat(TokenVerifier.rolesIn(claims, "realm_access.roles")).isEmpty();
        assertThat(TokenVerifier.rolesIn(claims, "resource_access.program.roles")).isEmpty();
        assertThat(TokenVerifier.rolesIn(claims, "count")).isEmpty();
    }
}

package org.stationf.aiprogram.gateway.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "SigningKey", description = "A key the gateway signs tokens with; its public half is in GET /oauth/jwks while it is "
        + "NEXT, ACTIVE or RETIRING")
public record SigningKeyView(
        @Schema(example = "k-2f0c9a1e", description = "The key id: the kid of the tokens it signs and of its JWK") String kid,
        @Schema(description = "NEXT: published, signs nothing yet; ACTIVE: signs new tokens; RETIRING: signs nothing, published "
                + "until its last token has expired; RETIRED: no longer published") SigningKeys.Status status,
        Instant createdAt,
        @Schema(nullable = true, description = "When a RETIRING key leaves the JWKS") Instant retireAfter) {

    static SigningKeyView of(SigningKeys.Key key) {
        return new SigningKeyView(key.kid(), key.status(), key.createdAt(), key.retireAfter());
    }
}

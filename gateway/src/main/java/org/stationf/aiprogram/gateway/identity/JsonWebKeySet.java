package org.stationf.aiprogram.gateway.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The shape of GET /oauth/jwks (RFC 7517), for the OpenAPI document: the answer itself is the keys' stored JWKs
 * joined, and the tests check it against this schema.
 */
@Schema(name = "JsonWebKeySet", description = "The public keys that verify the gateway's tokens (RFC 7517)")
public record JsonWebKeySet(@Schema(required = true) List<JsonWebKey> keys) {

    @Schema(name = "JsonWebKey", description = "An RSA public key (RFC 7518, section 6.3)")
    public record JsonWebKey(
            @Schema(required = true, example = "RSA") String kty,
            @Schema(required = true, example = "k-2f0c9a1e", description = "The kid in the header of the tokens it verifies") String kid,
            @Schema(required = true, example = "sig") String use,
            @Schema(required = true, example = "RS256") String alg,
            @Schema(required = true, example = "u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0_IzW7yWR7QkrmBL7jTKEn5u-qKhbwKfBstIs-bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW_VDL5AaWTg0nLVkjRo9z-40RQzuVaE8AkAFmxZzow3x-VJYKdjykkJ0iT9wCS0DRTXu269V264Vf_3jvredZiKRkgwlL9xNAwxXFg0x_XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC-9aGVd-Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmw", description = "The modulus, Base64url") String n,
            @Schema(required = true, example = "AQAB", description = "The exponent, Base64url") String e) {
    }
}

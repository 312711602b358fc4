package org.stationf.aiprogram.resources.grant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.resources.resourcepackage.ResourceKind;
import org.stationf.aiprogram.resources.resourcepackage.Unit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Grant", description = "A member's resource from a partner, with its balance and forecast")
public record GrantView(UUID id, @Schema(example = "1") long version, UUID cohortId, UUID memberId, @Schema(example = "Mistral Garden SAS") String companyName,
                        @Schema(example = "SCALEWAY") String partner, ResourceKind kind,
                        @Schema(example = "Scaleway cloud credits for GPU instances") String description, Unit unit,
                        @Schema(nullable = true) List<String> entitlements,
                        @Schema(example = "30000.00") BigDecimal amountGranted, @Schema(example = "12500.00") BigDecimal used,
                        @Schema(example = "17500.00") BigDecimal balance, @Schema(example = "41") int percentUsed,
                        GrantStatus status, @Schema(nullable = true, example = "org-7f3c2a", description = "The partner's own reference, set at activation") String externalReference,
                        @Schema(nullable = true) Instant expiresAt, Instant issuedAt, @Schema(nullable = true) Instant activatedAt, @Schema(nullable = true) Instant endedAt, Forecast forecast) {
}

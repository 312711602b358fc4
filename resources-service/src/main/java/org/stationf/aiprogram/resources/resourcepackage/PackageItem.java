package org.stationf.aiprogram.resources.resourcepackage;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "PackageItem", description = "What each member receives from one partner")
public record PackageItem(
        @Schema(example = "scaleway-credits", description = "Unique within the package") @NotBlank
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be lower-case letters, digits and dashes") String key,
        @Schema(example = "SCALEWAY") @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be a partner code such as SCALEWAY") String partner,
        @Schema(example = "COMPUTE_CREDITS", description = "Counted in HOUR for MENTORING_HOURS, SEAT or HOUR for PLATFORM_ACCESS, EUR or HOUR for COMPUTE_CREDITS")
        @NotNull ResourceKind kind,
        @Schema(example = "Scaleway cloud credits for GPU instances") @NotBlank @Size(max = 500) String description,
        @Schema(example = "30000.00", description = "Exact decimal, at most 2 decimal places") @NotNull
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000000") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @Schema(example = "EUR") @NotNull Unit unit,
        @Schema(example = "[]", nullable = true, description = "For PLATFORM_ACCESS: what the member is entitled to, e.g. [\"Enterprise Hub organization\", \"ZeroGPU\"]")
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> entitlements,
        @Schema(example = "2024-12-31", nullable = true, description = "When the grant expires; none if omitted") LocalDate expiresOn) {
}

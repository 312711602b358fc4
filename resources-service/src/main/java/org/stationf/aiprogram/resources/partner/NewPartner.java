package org.stationf.aiprogram.resources.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "PartnerRequest")
public record NewPartner(
        @Schema(example = "MISTRAL_AI", description = "Upper-case identifier, used in partner tokens' partner claim; ignored on update")
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be 2-40 upper-case letters, digits or underscores, starting with a letter") String code,
        @Schema(example = "Mistral AI") @NotBlank @Size(max = 200) String name,
        @Size(max = 20) List<@Valid @NotNull Contact> contacts,
        @Schema(example = "https://partner.example/webhooks/ai-startup-program", description = "Grant events, and the sessions booked with the partner's mentors, are POSTed here, signed")
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String webhookUrl) {
}

package org.stationf.aiprogram.resources.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record WebhookUrl(
        @Schema(example = "https://hooks.scaleway.example/ai-startup-program", description = "Grant events, and the sessions booked with the partner's mentors, are POSTed here, signed")
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url) {
}

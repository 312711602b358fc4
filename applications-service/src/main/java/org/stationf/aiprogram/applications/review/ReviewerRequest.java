package org.stationf.aiprogram.applications.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReviewerRequest")
public record ReviewerRequest(
        @Schema(example = "reviewer-hf-1", description = "The subject of the reviewer's tokens") @NotBlank @Size(max = 200) String accountId,
        @Schema(example = "Alex Martin") @NotBlank @Size(max = 200) String name,
        @Schema(example = "alex@huggingface.example") @NotBlank @Email @Size(max = 254) String email,
        @Schema(example = "HUGGING_FACE") @NotBlank @Size(max = 100) String organization,
        @Valid Conflicts conflicts) {
}

package org.stationf.aiprogram.applications.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.applications.call.Stage;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(name = "ApplicationRequest", description = "A draft application. Only the call and the company name are needed "
        + "to save a draft; submission checks completeness.")
public record ApplicationRequest(
        @Schema(description = "The call applied to; required when creating, must not change on update", example = "5b1d7c3e-9a2f-4e8b-8c61-2f0a9d4e7b15") UUID callId,
        @NotNull @Valid Company company,
        @Size(max = 10) List<@Valid @NotNull Founder> founders,
        @Schema(example = "SEED") Stage stage,
        @Schema(example = "4") @Min(1) @Max(100000) Integer teamSize,
        @Schema(description = "The open foundation models the product uses, and how")
        @Size(max = 20) List<@Valid @NotNull ModelUse> models,
        @Schema(example = "An assistant for farmers built on a fine-tuned Llama 2") @Size(max = 5000) String product,
        @Schema(description = "Answers to the call's questions, by question key", example = "{\"openModelUse\": \"We fine-tune Llama 2 ...\"}")
        @Size(max = 100) Map<String, @Size(max = 20000) String> answers,
        @Schema(description = "On update: the version you read; a stale one is a 409", example = "0") Long version) {
}

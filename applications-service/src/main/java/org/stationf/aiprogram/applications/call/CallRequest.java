package org.stationf.aiprogram.applications.call;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

@Schema(name = "CallRequest", description = "A call for applications, as an admin writes it. Instants are local date-times "
        + "in the call's time zone: 2023-12-01T23:59:59 with Europe/Paris is one second before midnight in Paris.")
public record CallRequest(
        @Schema(example = "AI Startup Program 2024") @NotBlank @Size(max = 200) String name,
        @Schema(example = "2024") @NotBlank @Size(max = 50) String edition,
        @Schema(example = "Meta, Hugging Face and Scaleway support five startups building on open foundation models at Station F.")
        @NotBlank @Size(max = 20000) String description,
        @Schema(implementation = String.class, example = "Europe/Paris") @NotNull ZoneId timeZone,
        @Schema(implementation = String.class, format = "date-time-local", example = "2023-10-02T09:00:00") @NotNull LocalDateTime opensAt,
        @Schema(implementation = String.class, format = "date-time-local", example = "2023-12-01T23:59:59") @NotNull LocalDateTime closesAt,
        @Schema(implementation = String.class, format = "date-time-local", example = "2023-12-15T18:00:00",
                description = "Reviews can be saved and edited until then") @NotNull LocalDateTime reviewClosesAt,
        @Schema(example = "5", description = "Number of winners") @NotNull @Min(1) @Max(1000) Integer places,
        @Schema(example = "3") @Min(1) @Max(20) Integer reviewersPerApplication,
        @Schema(example = "[\"META\", \"HUGGING_FACE\", \"SCALEWAY\"]")
        @NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be a partner code such as HUGGING_FACE") String> partners,
        @NotNull @Valid EligibilityRules eligibility,
        @NotNull @Size(max = 100) List<@Valid @NotNull Question> questions,
        @NotNull @Valid Rubric rubric,
        @Schema(description = "On update: the version you read; a stale one is a 409", example = "0") Long version) {
}

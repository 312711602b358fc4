package org.stationf.aiprogram.cohorts.cohort;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

@Schema(name = "CohortRequest")
public record CohortRequest(
        @Schema(example = "AI Startup Program 2024 cohort") @NotBlank @Size(max = 200) String name,
        @Schema(example = "2024") @NotBlank @Size(max = 50) String edition,
        @Schema(description = "The call whose shortlist the winners are selected from", example = "5b1d7c3e-9a2f-4e8b-8c61-2f0a9d4e7b15") @NotNull UUID callId,
        @Schema(example = "2024-01-08") @NotNull LocalDate startDate,
        @Schema(example = "2024-06-28") @NotNull LocalDate endDate,
        @Schema(implementation = String.class, example = "Europe/Paris", description = "Default Europe/Paris") ZoneId timeZone,
        @Schema(example = "5", description = "Places; 5 by default") @Min(1) @Max(1000) Integer capacity,
        @Schema(example = "Station F, 5 Parvis Alan Turing, 75013 Paris") @Size(max = 300) String location,
        @Schema(implementation = String.class, example = "P7D", description = "How long an offer stays open; 7 days by default") Duration offerValidity,
        @Schema(description = "On update: the version you read", example = "0") Long version) {
}

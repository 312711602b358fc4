package org.stationf.aiprogram.applications.call;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDateTime;

@Schema(name = "CallCopyRequest", description = "The next edition: a copy of a call's rules, form and rubric with new dates, in the same time zone")
public record CallCopyRequest(
        @Schema(example = "AI Startup Program 2025") @NotBlank @Size(max = 200) String name,
        @Schema(example = "2025") @NotBlank @Size(max = 50) String edition,
        @Schema(implementation = String.class, format = "date-time-local", example = "2024-10-01T09:00:00") @NotNull LocalDateTime opensAt,
        @Schema(implementation = String.class, format = "date-time-local", example = "2024-12-01T23:59:59") @NotNull LocalDateTime closesAt,
        @Schema(implementation = String.class, format = "date-time-local", example = "2024-12-15T18:00:00") @NotNull LocalDateTime reviewClosesAt) {
}

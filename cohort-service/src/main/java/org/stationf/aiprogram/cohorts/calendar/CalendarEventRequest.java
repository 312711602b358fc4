package org.stationf.aiprogram.cohorts.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "CalendarEventRequest", description = "Give a place, a link, or both")
public record CalendarEventRequest(
        @NotNull EventKind kind,
        @Schema(example = "Fine-tuning Llama 2 on your own data") @NotBlank @Size(max = 300) String title,
        @Schema(example = "Hands-on workshop with Meta AI engineers") @Size(max = 5000) String description,
        @Schema(example = "2024-01-15T14:00:00+01:00") @NotNull OffsetDateTime startsAt,
        @Schema(example = "2024-01-15T17:00:00+01:00") @NotNull OffsetDateTime endsAt,
        @Schema(example = "Station F, Meta room") @Size(max = 300) String location,
        @Schema(example = "https://meet.example/llama-workshop") @Size(max = 500)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String link,
        @Schema(example = "META", description = "The partner hosting it, if any")
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be a partner code such as META") String partner,
        @Schema(description = "Members attending; omit for every member of the cohort") @Size(max = 1000) List<@NotNull UUID> attendees,
        @Schema(description = "On update: the version you read", example = "0") Long version) {
}

package org.stationf.aiprogram.applications.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ScoresRequest", description = "Scores to save; criteria left out stay unscored. Saving again replaces them.")
public record ScoresRequest(@NotNull @Size(max = 20) List<@Valid @NotNull Score> scores) {
}

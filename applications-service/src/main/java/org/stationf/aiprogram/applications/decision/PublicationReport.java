package org.stationf.aiprogram.applications.decision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "PublicationReport")
public record PublicationReport(@Schema(example = "8") int shortlisted, @Schema(example = "3") int rejected,
                                @Schema(description = "Submitted applications still without a decision", example = "0") int undecided,
                                Instant publishedAt) {
}

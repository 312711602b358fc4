package org.stationf.aiprogram.cohorts.candidate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.cohorts.selection.Selection;
import org.stationf.aiprogram.cohorts.selection.SelectionStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Candidate", description = "A shortlisted application that may be selected into a cohort")
public record CandidateView(UUID applicationId, UUID callId, @Schema(example = "Mistral Garden SAS") String companyName,
                            @Schema(example = "FR", nullable = true) String country, @Schema(example = "SEED", nullable = true) String stage, List<String> models,
                            @Schema(example = "1", nullable = true) Integer rank, @Schema(example = "1.2041", nullable = true) BigDecimal normalizedScore,
                            Instant shortlistedAt, @Schema(description = "Set once the startup withdrew", nullable = true) Instant withdrawnAt,
                            @Schema(description = "Where it stands in the cohort it was selected or waitlisted in (one per call); none while "
                                    + "still free to pick", nullable = true) Standing selection) {

    @Schema(name = "CandidateStanding", description = "The candidate's selection: its offer or waitlist place, and what became of it")
    public record Standing(@Schema(description = "The selection, read at /offers/{id}", example = "c4a7e2d9-1b3f-4a6c-8e5d-9f0b2a7c1d34") UUID id, UUID cohortId, SelectionStatus status,
                           @Schema(example = "2", nullable = true, description = "While WAITLISTED: its place in line, from 1") Integer waitlistPosition) {

        static Standing of(Selection selection) {
            return selection == null ? null : new Standing(selection.id, selection.cohortId, selection.status, selection.waitlistPosition);
        }
    }

    public static CandidateView of(Candidate candidate, Selection selection) {
        return new CandidateView(candidate.applicationId, candidate.callId, candidate.companyName, candidate.country,
                candidate.stage, candidate.models, candidate.rank, candidate.normalizedScore, candidate.shortlistedAt,
                candidate.withdrawnAt, Standing.of(selection));
    }
}

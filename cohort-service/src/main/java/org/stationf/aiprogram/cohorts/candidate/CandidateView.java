package org.stationf.aiprogram.cohorts.candidate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Candidate", description = "An application that may be selected into a cohort")
public record CandidateView(UUID applicationId, @Schema(example = "Mistral Garden SAS") String companyName, Instant submittedAt) {

    static CandidateView of(Candidate candidate) {
        return new CandidateView(candidate.applicationId, candidate.companyName, candidate.submittedAt);
    }
}

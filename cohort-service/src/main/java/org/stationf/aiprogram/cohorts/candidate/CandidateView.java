package org.stationf.aiprogram.cohorts.candidate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Candidate", description = "A shortlisted application that may be selected into a cohort")
public record CandidateView(UUID applicationId, UUID callId, @Schema(example = "Mistral Garden SAS") String companyName,
                            @Schema(example = "FR", nullable = true) String country, @Schema(example = "SEED", nullable = true) String stage, List<String> models,
                            @Schema(example = "1", nullable = true) Integer rank, @Schema(example = "1.2041", nullable = true) BigDecimal normalizedScore,
                            Instant shortlistedAt, @Schema(description = "Set once the startup withdrew", nullable = true) Instant withdrawnAt) {

    public static CandidateView of(Candidate candidate) {
        return new CandidateView(candidate.applicationId, candidate.callId, candidate.companyName, candidate.country,
                candidate.stage, candidate.models, candidate.rank, candidate.normalizedScore, candidate.shortlistedAt,
                candidate.withdrawnAt);
    }
}

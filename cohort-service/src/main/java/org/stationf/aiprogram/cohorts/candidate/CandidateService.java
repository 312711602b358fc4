package org.stationf.aiprogram.cohorts.candidate;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.ProblemException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CandidateService {

    @Inject
    Clock clock;

    /** Called once per event by the inbox; a plain insert, so a second call for the same application fails loudly. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Candidate register(Candidate candidate) {
        candidate.recordedAt = clock.instant();
        candidate.persist();
        return candidate;
    }

    public List<CandidateView> list(UUID callId) {
        List<Candidate> candidates = callId == null
                ? Candidate.listAll(Sort.by("shortlistedAt").and("applicationId"))
                : Candidate.list("callId", Sort.by("rank", Sort.NullPrecedence.NULLS_LAST).and("applicationId"), callId);
        return candidates.stream().map(CandidateView::of).toList();
    }

    public CandidateView get(UUID applicationId) {
        return CandidateView.of(require(applicationId));
    }

    public Candidate require(UUID applicationId) {
        return find(applicationId).orElseThrow(() -> ProblemException.notFound("Candidate", applicationId));
    }

    public Optional<Candidate> find(UUID applicationId) {
        return Candidate.findByIdOptional(applicationId);
    }
}

package org.stationf.aiprogram.cohorts.candidate;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.cohorts.selection.Selection;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        // Latest first, so the first made is kept, should an older database hold a candidate selected in two cohorts
        // from before one cohort per call was the rule.
        Sort latestFirst = Sort.by("createdAt").descending();
        List<Selection> made = callId == null ? Selection.listAll(latestFirst)
                : Selection.list("applicationId in (select c.applicationId from Candidate c where c.callId = ?1)", latestFirst, callId);
        Map<UUID, Selection> selections = new HashMap<>();
        made.forEach(selection -> selections.put(selection.applicationId, selection));
        return candidates.stream().map(candidate -> CandidateView.of(candidate, selections.get(candidate.applicationId))).toList();
    }

    public CandidateView get(UUID applicationId) {
        return CandidateView.of(require(applicationId),
                Selection.<Selection>find("applicationId", Sort.by("createdAt"), applicationId).firstResult());
    }

    public Candidate require(UUID applicationId) {
        return find(applicationId).orElseThrow(() -> ProblemException.notFound("Candidate", applicationId));
    }

    public Optional<Candidate> find(UUID applicationId) {
        return Candidate.findByIdOptional(applicationId);
    }
}

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

    /**
     * A candidate's standing is its first selection: the only one since a startup is selected in one cohort of its call,
     * and the one kept should an older database hold a candidate selected in two cohorts from before that was the rule.
     */
    private static final Sort FIRST_MADE_FIRST = Sort.by("createdAt").and("id");

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
        List<Selection> made = callId == null ? Selection.listAll(FIRST_MADE_FIRST)
                : Selection.list("applicationId in (select c.applicationId from Candidate c where c.callId = ?1)", FIRST_MADE_FIRST, callId);
        Map<UUID, Selection> selections = new HashMap<>();
        made.forEach(selection -> selections.putIfAbsent(selection.applicationId, selection));
        return candidates.stream().map(candidate -> CandidateView.of(candidate, selections.get(candidate.applicationId))).toList();
    }

    public CandidateView get(UUID applicationId) {
        return CandidateView.of(require(applicationId), Selection.<Selection>find("applicationId", FIRST_MADE_FIRST, applicationId).firstResult());
    }

    public Candidate require(UUID applicationId) {
        return find(applicationId).orElseThrow(() -> ProblemException.notFound("Candidate", applicationId));
    }

    public Optional<Candidate> find(UUID applicationId) {
        return Candidate.findByIdOptional(applicationId);
    }
}

package org.stationf.aiprogram.cohorts.candidate;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CandidateService {

    /** Called once per event by the inbox; a plain insert, so a second call for the same application fails loudly. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void register(UUID applicationId, String applicantId, String companyName, Instant submittedAt) {
        Candidate candidate = new Candidate();
        candidate.applicationId = applicationId;
        candidate.applicantId = applicantId;
        candidate.companyName = companyName;
        candidate.submittedAt = submittedAt;
        candidate.recordedAt = Instant.now();
        candidate.persist();
    }

    public List<CandidateView> list() {
        return Candidate.<Candidate>findAll(Sort.by("submittedAt").and("applicationId")).stream().map(CandidateView::of).toList();
    }

    public CandidateView get(UUID applicationId) {
        Candidate candidate = Candidate.findById(applicationId);
        if (candidate == null) {
            throw ProblemException.notFound("Candidate", applicationId);
        }
        return CandidateView.of(candidate);
    }
}

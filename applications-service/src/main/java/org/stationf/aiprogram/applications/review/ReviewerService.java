package org.stationf.aiprogram.applications.review;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.AdvisoryLocks;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.Page;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.Where;
import org.stationf.aiprogram.applications.application.CompanyNames;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class ReviewerService {

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Transactional
    public ReviewerView register(ReviewerRequest request) {
        // Two registrations of one account at once: the second waits, then is told the account is registered.
        AdvisoryLocks.holdUntilTransactionEnds(Reviewer.getEntityManager(), "reviewer-account:" + request.accountId());
        if (Reviewer.count("accountId", request.accountId()) > 0) {
            throw ProblemException.conflict("reviewer-exists", "Reviewer already registered",
                    "A reviewer with account " + request.accountId() + " is already registered");
        }
        Reviewer reviewer = new Reviewer();
        reviewer.id = UUID.randomUUID();
        reviewer.accountId = request.accountId();
        reviewer.name = request.name().trim();
        reviewer.email = request.email().trim().toLowerCase(Locale.ROOT);
        reviewer.organization = request.organization().trim();
        reviewer.createdAt = clock.instant();
        setConflicts(reviewer, request.conflicts() == null ? new Conflicts(null, null) : request.conflicts());
        reviewer.persist();
        return ReviewerView.of(reviewer);
    }

    @Transactional
    public ReviewerView updateConflicts(UUID id, Conflicts conflicts) {
        Reviewer reviewer = locked(require(id));
        setConflicts(reviewer, conflicts);
        reviewer.persistAndFlush();
        return ReviewerView.of(reviewer);
    }

    @Transactional
    public ReviewerView setActive(UUID id, boolean active) {
        Reviewer reviewer = locked(require(id));
        reviewer.active = active;
        reviewer.persistAndFlush();
        return ReviewerView.of(reviewer);
    }

    /** By name, a page at a time, narrowed to an organization's reviewers (any case) and to active or inactive ones when asked. */
    public Page<ReviewerView> list(String organization, Boolean active, int page, int size) {
        Where where = new Where()
                .and("lower(organization) = :organization", "organization",
                        organization == null || organization.isBlank() ? null : organization.trim().toLowerCase(Locale.ROOT))
                .and("active = :active", "active", active);
        PanacheQuery<Reviewer> reviewers = Reviewer.find(where.clause(), Sort.by("name").and("id"), where.parameters());
        return new Page<>(reviewers.page(page, size).<Reviewer>list().stream().map(ReviewerView::of).toList(), reviewers.count(), page, size);
    }

    /** Admins read any reviewer; a reviewer reads itself. */
    public ReviewerView get(UUID id) {
        Reviewer reviewer = Reviewer.findById(id);
        if (reviewer == null || !(caller.isAdmin() || reviewer.accountId.equals(caller.id()))) {
            throw ProblemException.notFound("Reviewer", id);
        }
        return ReviewerView.of(reviewer);
    }

    public ReviewerView me() {
        Reviewer reviewer = Reviewer.find("accountId", caller.id()).firstResult();
        if (reviewer == null) {
            throw ProblemException.notFound("Reviewer for account", caller.id());
        }
        return ReviewerView.of(reviewer);
    }

    /** Edits without a version (conflicts, activation) apply one after the other, never failing on each other's version. */
    private static Reviewer locked(Reviewer reviewer) {
        Reviewer.getEntityManager().refresh(reviewer, LockModeType.PESSIMISTIC_WRITE);
        return reviewer;
    }

    Reviewer require(UUID id) {
        Reviewer reviewer = Reviewer.findById(id);
        if (reviewer == null) {
            throw ProblemException.notFound("Reviewer", id);
        }
        return reviewer;
    }

    private static void setConflicts(Reviewer reviewer, Conflicts conflicts) {
        reviewer.conflictCompanies = conflicts.companies().stream().map(CompanyNames::normalize).distinct().toList();
        reviewer.conflictDomains = conflicts.domains().stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).distinct().toList();
    }
}

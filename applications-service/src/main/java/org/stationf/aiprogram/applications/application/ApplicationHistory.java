package org.stationf.aiprogram.applications.application;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Moves an application to a new status and writes who did it and why, in the same transaction. */
@ApplicationScoped
public class ApplicationHistory {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Application application, ApplicationStatus to, String actor, String reason) {
        StatusChange change = record(application.id, application.status, to, actor, reason);
        application.status = to;
        application.updatedAt = change.changedAt;
    }

    /** The first line of a new application's history: from nothing to its initial status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void started(Application application, String actor, String reason) {
        record(application.id, null, application.status, actor, reason);
    }

    private StatusChange record(java.util.UUID applicationId, ApplicationStatus from, ApplicationStatus to, String actor, String reason) {
        StatusChange change = new StatusChange();
        change.applicationId = applicationId;
        change.changedAt = clock.instant();
        change.actor = actor;
        change.fromStatus = from;
        change.toStatus = to;
        change.reason = reason;
        change.persist();
        return change;
    }

    public List<StatusChangeView> of(UUID applicationId) {
        return StatusChange.<StatusChange>list("applicationId", Sort.by("id"), applicationId).stream().map(StatusChangeView::of).toList();
    }
}

package org.stationf.aiprogram.cohorts.cohort;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.stationf.aiprogram.api.ProblemException;

import java.util.UUID;

/** Completes running cohorts once their end date has passed. */
@ApplicationScoped
public class CohortCompletionJob {

    private static final Logger LOG = Logger.getLogger(CohortCompletionJob.class);

    @Inject
    CohortService cohorts;

    @Scheduled(every = "${cohorts.completion-check:PT1M}", delayed = "PT10S", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void completeEndedCohorts() {
        for (UUID id : cohorts.dueForCompletion()) {
            try {
                cohorts.complete(id);
                LOG.infof("Cohort %s completed at its end date", id);
            } catch (ProblemException e) {
                LOG.debugf("Cohort %s not completed: %s", id, e.getMessage());
            }
        }
    }
}

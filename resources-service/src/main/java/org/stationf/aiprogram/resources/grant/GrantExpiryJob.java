package org.stationf.aiprogram.resources.grant;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Expires grants whose expiry date has passed. */
@ApplicationScoped
public class GrantExpiryJob {

    @Inject
    GrantService grants;

    @Scheduled(every = "${resources.grant-expiry-check:PT1M}", delayed = "PT10S", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireDue() {
        grants.expireDue();
    }
}

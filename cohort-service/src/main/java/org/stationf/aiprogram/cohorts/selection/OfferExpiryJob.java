package org.stationf.aiprogram.cohorts.selection;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Expires offers past their expiry and offers the freed places to the waitlist. */
@ApplicationScoped
public class OfferExpiryJob {

    @Inject
    SelectionService selections;

    @Scheduled(every = "${cohorts.offer-expiry-check:PT10S}", delayed = "PT5S", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireDueOffers() {
        selections.expireDueOffers();
    }
}

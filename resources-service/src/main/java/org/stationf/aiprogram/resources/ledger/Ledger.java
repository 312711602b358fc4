package org.stationf.aiprogram.resources.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.resources.events.GrantEvents;
import org.stationf.aiprogram.resources.grant.Grant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The only way a grant's balance changes: an entry appended in the same transaction, on a grant the caller holds
 * locked, so the balance is always the ledger's sum and never below zero.
 */
@ApplicationScoped
public class Ledger {

    /** Percent of the granted amount used at which a BalanceLow alert is sent, once each. */
    public static final List<Integer> THRESHOLDS = List.of(50, 80, 100);

    @Inject
    Clock clock;

    @Inject
    GrantEvents events;

    /** A refused entry (insufficient balance) leaves the caller's transaction usable: the caller decides what it means. */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public LedgerEntry append(Grant grant, EntryType type, BigDecimal amount, String actor, String reason, String reference) {
        BigDecimal after = grant.balance.add(amount);
        if (after.signum() < 0) {
            throw ProblemException.conflict("insufficient-balance", "Insufficient balance",
                            "The grant has " + grant.balance.toPlainString() + " " + grant.unit + " left; "
                                    + amount.negate().toPlainString() + " cannot be taken from it")
                    .with("balance", grant.balance.toPlainString()).with("unit", grant.unit.name())
                    .with("requested", amount.negate().toPlainString());
        }
        LedgerEntry entry = new LedgerEntry();
        entry.grantId = grant.id;
        entry.type = type;
        entry.amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        entry.balanceAfter = after;
        entry.actor = actor;
        entry.reason = reason;
        entry.reference = reference;
        entry.createdAt = clock.instant();
        entry.persist();
        grant.balance = after;
        // An ended grant's last debits (a session reported after the member left) alert nobody: the grant is over.
        if (type == EntryType.DEBIT && grant.status.open()) {
            alertThresholds(grant);
        }
        return entry;
    }

    private void alertThresholds(Grant grant) {
        int percentUsed = grant.percentUsed(grant.amountGranted.subtract(grant.balance));
        List<Integer> notified = new ArrayList<>(grant.thresholdsNotified);
        for (int threshold : THRESHOLDS) {
            if (percentUsed >= threshold && !notified.contains(threshold)) {
                notified.add(threshold);
                grant.thresholdsNotified = List.copyOf(notified);
                events.publish(GrantEvents.BALANCE_LOW, grant, threshold);
            }
        }
    }
}

package org.stationf.aiprogram.resources.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.Sha256;
import org.stationf.aiprogram.resources.grant.Grant;
import org.stationf.aiprogram.resources.grant.GrantService;
import org.stationf.aiprogram.resources.grant.GrantStatus;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Usage reported by partners (debits) and corrections (compensating credits), as ledger entries. */
@ApplicationScoped
public class UsageService {

    /** The answer to give, whether it is a replay, and the ledger entry a debit made (null for a refusal). */
    public record Outcome(IdempotentRequests.Answer answer, boolean replayed, Long entryId) {
    }

    @Inject
    Caller caller;

    @Inject
    EntityManager entityManager;

    @Inject
    GrantService grants;

    @Inject
    Ledger ledger;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    ObjectMapper json;

    /**
     * Debits a grant once per Idempotency-Key. The answer (success or refusal) is kept with the key, so a retried
     * request gets the first answer back, whatever happened in between.
     */
    public Outcome report(UUID grantId, String idempotencyKey, UsageReport report, Function<ProblemException, String> problemBody) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ProblemException.invalid("Idempotency-Key", "header is required: a unique key per usage report, reused when retrying it");
        }
        if (idempotencyKey.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "must be at most 200 characters");
        }
        String scope = caller.partner().map(partner -> "partner:" + partner).orElse(caller.actor());
        String requestHash = Sha256.hex(grantId + "\n" + canonical(report));
        return QuarkusTransaction.requiringNew().call(() -> {
            var earlier = idempotent.claim(scope, idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return new Outcome(earlier.get(), true, earlier.get().status() == 201 ? receiptEntryId(earlier.get().body()) : null);
            }
            IdempotentRequests.Answer answer;
            Long entryId = null;
            try {
                UsageReceipt receipt = debit(grantId, report);
                entryId = receipt.entry().id();
                answer = new IdempotentRequests.Answer(201, canonical(receipt));
            } catch (ProblemException refusal) {
                // Refusals are checked before anything is written, so keeping them with the key changes nothing else.
                // The key is named in it: a retry with it gets this refusal back even once its cause is gone.
                answer = new IdempotentRequests.Answer(refusal.status(), problemBody.apply(refusal.with("idempotencyKey", idempotencyKey)));
            }
            idempotent.remember(scope, idempotencyKey, answer);
            return new Outcome(answer, false, entryId);
        });
    }

    private UsageReceipt debit(UUID grantId, UsageReport report) {
        Grant grant = grants.lock(grants.visibleToPartner(grantId).id);
        if (grant.status != GrantStatus.ACTIVE) {
            throw ProblemException.conflict("grant-not-active", "Grant not active", "Grant " + grantId + " is " + grant.status
                    + (grant.status == GrantStatus.ISSUED ? "; activate it with your reference first" : "; it takes no more usage"));
        }
        if (report.unit() != null && report.unit() != grant.unit) {
            throw ProblemException.invalid("unit", "the grant is counted in " + grant.unit + ", not " + report.unit());
        }
        String reason = report.occurredAt() == null ? report.description() : report.description() + " (" + report.occurredAt() + ")";
        LedgerEntry entry = ledger.append(grant, EntryType.DEBIT, report.quantity().negate(), caller.actor(), reason, report.reference());
        return new UsageReceipt(grant.id, LedgerView.Entry.of(entry), grant.balance, grant.unit);
    }

    @Transactional
    public UsageReceipt correct(UUID grantId, Correction correction) {
        Grant grant = grants.lock(grants.visibleToPartner(grantId).id);
        if (!grant.status.open()) {
            throw ProblemException.conflict("grant-closed", "Grant closed", "Grant " + grantId + " is " + grant.status);
        }
        BigDecimal used = grant.amountGranted.subtract(grant.balance);
        if (correction.amount().compareTo(used) > 0) {
            throw ProblemException.conflict("correction-too-large", "Correction larger than usage",
                    "Only " + used.toPlainString() + " " + grant.unit + " were used; a correction cannot give back more")
                    .with("used", used.toPlainString());
        }
        LedgerEntry entry = ledger.append(grant, EntryType.CREDIT, correction.amount(), caller.actor(), correction.reason(), null);
        return new UsageReceipt(grant.id, LedgerView.Entry.of(entry), grant.balance, grant.unit);
    }

    /**
     * A page of a grant's ledger: the entries after entry {@code after}, oldest first, so a partner's reconciliation
     * can resume where it stopped. The balance and the sum come from one statement, one snapshot: they agree even
     * while debits are committed.
     */
    public LedgerView ledgerOf(UUID grantId, long after, int limit) {
        grants.visible(grantId);
        Object[] totals = (Object[]) entityManager.createNativeQuery("""
                        SELECT g.balance, count(e.id), coalesce(sum(e.amount), 0)
                        FROM grant_account g LEFT JOIN ledger_entry e ON e.grant_id = g.id
                        WHERE g.id = :grant GROUP BY g.balance""")
                .setParameter("grant", grantId).getSingleResult();
        // range() is inclusive: one entry more than the page, whose presence says another page follows.
        List<LedgerEntry> entries = LedgerEntry.find("grantId = ?1 and id > ?2", Sort.by("id"), grantId, after)
                .range(0, limit).list();
        boolean more = entries.size() > limit;
        List<LedgerEntry> page = more ? entries.subList(0, limit) : entries;
        return new LedgerView(grantId, (BigDecimal) totals[0], ((BigDecimal) totals[2]).setScale(2), ((Number) totals[1]).longValue(),
                page.stream().map(LedgerView.Entry::of).toList(), more ? page.get(limit - 1).id : null);
    }

    /** One entry of a grant's ledger, for those who see the grant; an entry of another grant is not found. */
    public LedgerView.Entry entryOf(UUID grantId, long entryId) {
        grants.visible(grantId);
        LedgerEntry entry = LedgerEntry.find("id = ?1 and grantId = ?2", entryId, grantId).firstResult();
        if (entry == null) {
            throw ProblemException.notFound("Ledger entry", entryId);
        }
        return LedgerView.Entry.of(entry);
    }

    /** A replay has only the first answer's body to go on: the entry's id is read back from the receipt kept. */
    private long receiptEntryId(String receiptBody) {
        try {
            return json.readTree(receiptBody).path("entry").path("id").longValue();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept usage receipt no longer reads as one", e);
        }
    }

    private String canonical(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

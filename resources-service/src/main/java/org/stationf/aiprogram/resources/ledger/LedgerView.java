package org.stationf.aiprogram.resources.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Ledger", description = "The movements of a grant's balance, oldest first, a page at a time; the balance is the sum of all of them")
public record LedgerView(UUID grantId, BigDecimal balance,
                         @Schema(description = "Σ amount of all the grant's entries (not only this page's); always equals balance") BigDecimal ledgerSum,
                         @Schema(description = "How many entries the grant's ledger holds", example = "132") long entryCount,
                         @Schema(description = "This page's entries: those after the requested entry id, oldest first") List<Entry> entries,
                         @Schema(nullable = true, description = "Pass as after= for the next page; null when this page ends the ledger", example = "4711") Long nextAfter) {

    @Schema(name = "LedgerEntry")
    public record Entry(long id, EntryType type, @Schema(example = "-412.37") BigDecimal amount, BigDecimal balanceAfter,
                        @Schema(example = "partner:SCALEWAY") String actor, @Schema(nullable = true) String reason, @Schema(nullable = true) String reference, Instant at) {
        public static Entry of(LedgerEntry entry) {
            return new Entry(entry.id, entry.type, entry.amount, entry.balanceAfter, entry.actor, entry.reason, entry.reference, entry.createdAt);
        }
    }
}

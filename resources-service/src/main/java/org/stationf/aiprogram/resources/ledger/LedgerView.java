package org.stationf.aiprogram.resources.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Ledger", description = "The movements of a grant's balance, oldest first, a page at a time; the balance is the sum of all of them")
public record LedgerView(UUID grantId, @Schema(example = "17500.00") BigDecimal balance,
                         @Schema(description = "Σ amount of all the grant's entries (not only this page's); always equals balance", example = "17500.00") BigDecimal ledgerSum,
                         @Schema(description = "How many entries the grant's ledger holds", example = "132") long entryCount,
                         @Schema(description = "This page's entries: those after the requested entry id, oldest first") List<Entry> entries,
                         @Schema(nullable = true, description = "Pass as after= for the next page; null when this page ends the ledger", example = "4711") Long nextAfter) {

    @Schema(name = "LedgerEntry")
    public record Entry(@Schema(example = "4711") long id, EntryType type, @Schema(example = "-412.37") BigDecimal amount,
                        @Schema(example = "17087.63") BigDecimal balanceAfter,
                        @Schema(example = "partner:SCALEWAY") String actor, @Schema(nullable = true, example = "GPU H100 instances, March 2024 (2024-03-31T23:59:59Z)") String reason,
                        @Schema(nullable = true, example = "inv-2024-03-00042") String reference, Instant at) {
        public static Entry of(LedgerEntry entry) {
            return new Entry(entry.id, entry.type, entry.amount, entry.balanceAfter, entry.actor, entry.reason, entry.reference, entry.createdAt);
        }
    }
}

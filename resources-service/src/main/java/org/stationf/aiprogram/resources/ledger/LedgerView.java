package org.stationf.aiprogram.resources.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Ledger", description = "Every movement of a grant's balance; the balance is their sum")
public record LedgerView(UUID grantId, BigDecimal balance, @Schema(description = "Σ amount of the entries; always equals balance") BigDecimal ledgerSum,
                         List<Entry> entries) {

    @Schema(name = "LedgerEntry")
    public record Entry(long id, EntryType type, @Schema(example = "-412.37") BigDecimal amount, BigDecimal balanceAfter,
                        @Schema(example = "partner:SCALEWAY") String actor, String reason, String reference, Instant at) {
        public static Entry of(LedgerEntry entry) {
            return new Entry(entry.id, entry.type, entry.amount, entry.balanceAfter, entry.actor, entry.reason, entry.reference, entry.createdAt);
        }
    }
}

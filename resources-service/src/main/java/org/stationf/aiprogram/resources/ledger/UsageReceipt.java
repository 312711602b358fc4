package org.stationf.aiprogram.resources.ledger;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.resources.resourcepackage.Unit;

import java.math.BigDecimal;
import java.util.UUID;

@Schema(name = "UsageReceipt", description = "The ledger entry a usage report or correction made, and the balance after it")
public record UsageReceipt(UUID grantId, LedgerView.Entry entry, @Schema(example = "17087.63") BigDecimal balance, Unit unit) {
}

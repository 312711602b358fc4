package org.stationf.aiprogram.applications.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WithdrawalRequest")
public record WithdrawalRequest(@Schema(example = "We joined another accelerator") @NotBlank @Size(max = 2000) String reason) {
}

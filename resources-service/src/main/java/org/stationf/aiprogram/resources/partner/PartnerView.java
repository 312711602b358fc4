package org.stationf.aiprogram.resources.partner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Partner")
public record PartnerView(@Schema(example = "HUGGING_FACE") String code, @Schema(example = "Hugging Face") String name) {

    static PartnerView of(Partner partner) {
        return new PartnerView(partner.code, partner.name);
    }
}

package org.stationf.aiprogram.resources.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Partner")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerView(@Schema(example = "HUGGING_FACE") String code, @Schema(example = "Hugging Face") String name,
                          List<Contact> contacts, @Schema(nullable = true) String webhookUrl,
                          @Schema(nullable = true, description = "Only in the answer to creating the partner or rotating its secret") String signingSecret) {

    static PartnerView of(Partner partner) {
        return new PartnerView(partner.code, partner.name, partner.contacts, partner.webhookUrl, null);
    }

    static PartnerView withSecret(Partner partner, String signingSecret) {
        return new PartnerView(partner.code, partner.name, partner.contacts, partner.webhookUrl, signingSecret);
    }
}

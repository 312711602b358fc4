package org.stationf.aiprogram.resources.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Partner")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerView(@Schema(example = "HUGGING_FACE") String code, @Schema(example = "Hugging Face") String name,
                          List<Contact> contacts, @Schema(nullable = true) String webhookUrl,
                          @Schema(nullable = true, description = "Only in the answer to creating the partner or rotating its secret") String signingSecret,
                          @Schema(nullable = true, description = "Until when webhooks are also signed with the secret the last rotation "
                                  + "replaced (keepPreviousFor); absent when it stopped at once") Instant previousSecretSignsUntil) {

    static PartnerView of(Partner partner) {
        return withSecret(partner, null);
    }

    static PartnerView withSecret(Partner partner, String signingSecret) {
        return new PartnerView(partner.code, partner.name, partner.contacts, partner.webhookUrl, signingSecret, partner.previousSigningSecretUntil);
    }
}

package org.stationf.aiprogram.resources.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Partner")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerView(@Schema(example = "HUGGING_FACE") String code, @Schema(example = "Hugging Face") String name,
                          List<Contact> contacts, @Schema(nullable = true, example = "https://partner.example/webhooks/ai-startup-program") String webhookUrl,
                          @Schema(nullable = true, example = "whsec_6f1d0c9a4b7e2f3a8d5c1e0b9a7f6e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f",
                                  description = "Only in the answer to creating the partner or rotating its secret") String signingSecret,
                          @Schema(nullable = true, description = "Until when webhooks are also signed with the secret the last rotation "
                                  + "replaced (keepPreviousFor); absent when it stopped at once") Instant previousSecretSignsUntil) {

    static PartnerView of(Partner partner) {
        return withSecret(partner, null);
    }

    static PartnerView withSecret(Partner partner, String signingSecret) {
        return new PartnerView(partner.code, partner.name, partner.contacts, partner.webhookUrl, signingSecret, partner.previousSigningSecretUntil);
    }
}

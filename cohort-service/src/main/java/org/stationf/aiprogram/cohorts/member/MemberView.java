package org.stationf.aiprogram.cohorts.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stationf.aiprogram.cohorts.candidate.Contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Member", description = "A startup in a cohort. Partners see the public part only (no contacts, no notes).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberView(UUID id, UUID cohortId, @Schema(example = "Mistral Garden SAS") String companyName, MemberStatus status,
                         Instant enrolledAt,
                         @Schema(nullable = true, description = "Not shown to partners") UUID applicationId,
                         @Schema(nullable = true, description = "Not shown to partners") List<Contact> contacts,
                         @Schema(nullable = true) Instant leftAt, @Schema(nullable = true, example = "The company was acquired") String leftReason,
                         @Schema(nullable = true, description = "Set when the cohort completed") Boolean completed, @Schema(nullable = true, example = "Every milestone met; pitched at demo day") String completionNote) {

    static MemberView full(Member member) {
        return new MemberView(member.id, member.cohortId, member.companyName, member.status, member.enrolledAt, member.applicationId,
                member.contacts, member.leftAt, member.leftReason, member.completed, member.completionNote);
    }

    static MemberView publicPart(Member member) {
        return new MemberView(member.id, member.cohortId, member.companyName, member.status, member.enrolledAt,
                null, null, null, null, null, null);
    }
}

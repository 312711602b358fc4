package org.stationf.aiprogram.resources.mentoring;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Requests and views of the mentoring API. */
public final class MentoringViews {

    private MentoringViews() {
    }

    @Schema(name = "MentorRequest")
    public record MentorRequest(
            @Schema(example = "META", description = "Required for admins registering a mentor; a partner always registers its own mentors, and an edit keeps the mentor's")
            @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be a partner code such as META") String partner,
            @Schema(example = "Dr. Lea Fontaine") @NotBlank @Size(max = 200) String name,
            @Schema(example = "lea@meta.example") @NotBlank @Email @Size(max = 254) String email,
            @Schema(example = "[\"LLM fine-tuning\", \"Llama\"]") @Size(max = 20) List<@NotBlank @Size(max = 100) String> expertise) {
    }

    @Schema(name = "Mentor")
    public record MentorView(UUID id, @Schema(example = "META") String partner, @Schema(example = "Dr. Lea Fontaine") String name,
                             @Schema(example = "lea@meta.example") String email,
                             @Schema(example = "[\"LLM fine-tuning\", \"Llama\"]") List<String> expertise, boolean active) {
        static MentorView of(Mentor mentor) {
            return new MentorView(mentor.id, mentor.partner, mentor.name, mentor.email, mentor.expertise, mentor.active);
        }
    }

    @Schema(name = "SlotRequest")
    public record SlotRequest(@Schema(example = "2024-02-05T10:00:00+01:00") @NotNull OffsetDateTime startsAt,
                              @Schema(example = "2024-02-05T11:00:00+01:00") @NotNull OffsetDateTime endsAt) {
    }

    @Schema(name = "Slot")
    public record SlotView(UUID id, UUID mentorId, @Schema(example = "Dr. Lea Fontaine") String mentorName, @Schema(example = "META") String partner,
                           Instant startsAt, Instant endsAt, @Schema(example = "1.00") BigDecimal hours,
                           @Schema(enumeration = {Slot.OPEN, Slot.BOOKED, Slot.CANCELLED}) String status) {
    }

    @Schema(name = "BookingRequest")
    public record BookingRequest(@Schema(description = "The member booking (the caller's own)", example = "5f0c3e2a-8b7d-4c6e-a1f9-3d2b4c5e6f70") @NotNull UUID memberId) {
    }

    @Schema(name = "CancellationRequest")
    public record CancellationRequest(@Schema(example = "Our demo moved to that morning") @Size(max = 1000) String reason) {
    }

    @Schema(name = "MentoringSession")
    public record SessionView(UUID id, UUID slotId, UUID memberId, UUID grantId, @Schema(example = "Dr. Lea Fontaine") String mentorName,
                              @Schema(example = "META") String partner,
                              Instant startsAt, Instant endsAt, @Schema(example = "1.00") BigDecimal hours, SessionStatus status, Instant bookedAt,
                              @Schema(nullable = true) Instant endedAt,
                              @Schema(nullable = true, description = "Why it ended so, once it ended", example = "Our demo moved to that morning") String note) {
    }
}

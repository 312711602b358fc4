package org.stationf.aiprogram.applications.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "StatusChange", description = "One step of an application's history")
public record StatusChangeView(Instant at, @Schema(example = "applicant:startup-42") String actor, @Schema(nullable = true) ApplicationStatus from,
                               ApplicationStatus to, @Schema(nullable = true, example = "Our seed round closed; we no longer need the program") String reason) {

    static StatusChangeView of(StatusChange change) {
        return new StatusChangeView(change.changedAt, change.actor, change.fromStatus, change.toStatus, change.reason);
    }
}

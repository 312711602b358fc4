package org.stationf.aiprogram.applications.events;

/** The cohort event family's types that say nothing about an application's status. */
final class CohortEventTypes {

    static final String[] NOT_ABOUT_APPLICATIONS = {
            "CohortPlanned", "CohortStarted", "CohortCompleted", "CohortDiscarded", "MemberEnrolled", "MemberWithdrew", "MemberGraduated", "MemberNotCompleted"
    };

    private CohortEventTypes() {
    }
}

package org.stationf.aiprogram.applications.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.applications.events.ApplicationEvents;
import org.stationf.aiprogram.eventing.EventPublisher;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class ApplicationService {

    @Inject
    EventPublisher events;

    @Inject
    Caller caller;

    @Transactional
    public ApplicationView create(NewApplication request) {
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.applicantId = caller.id();
        application.companyName = request.companyName().trim();
        application.status = ApplicationStatus.DRAFT;
        application.createdAt = Instant.now();
        application.persist();
        return ApplicationView.of(application);
    }

    public ApplicationView get(UUID id) {
        return ApplicationView.of(visible(id));
    }

    @Transactional
    public ApplicationView submit(UUID id) {
        Application application = visible(id);
        if (application.status != ApplicationStatus.DRAFT) {
            throw ProblemException.conflict("invalid-transition", "Application already submitted",
                    "Application " + id + " is " + application.status + "; only a draft can be submitted");
        }
        application.status = ApplicationStatus.SUBMITTED;
        application.submittedAt = Instant.now();
        events.publish(ApplicationEvents.TOPIC, ApplicationEvents.SUBMITTED, application.id,
                new ApplicationEvents.ApplicationSubmitted(application.id, application.applicantId, application.companyName,
                        application.submittedAt));
        return ApplicationView.of(application);
    }

    /** An applicant sees only its own applications: another's is "not found", not "forbidden", so ids leak nothing. */
    private Application visible(UUID id) {
        Application application = Application.findById(id);
        if (application == null || !(caller.isAdmin() || application.applicantId.equals(caller.id()))) {
            throw ProblemException.notFound("Application", id);
        }
        return application;
    }
}

package org.stationf.aiprogram.applications.application;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.AdvisoryLocks;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.Problem;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.Versions;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.applications.call.Call;
import org.stationf.aiprogram.applications.call.CallService;
import org.stationf.aiprogram.applications.call.CallStatus;
import org.stationf.aiprogram.applications.call.CallView;
import org.stationf.aiprogram.applications.call.EligibilityRulesChanged;
import org.stationf.aiprogram.applications.call.Question;
import org.stationf.aiprogram.applications.eligibility.EligibilityEvaluator;
import org.stationf.aiprogram.applications.eligibility.EligibilityOutcome;
import org.stationf.aiprogram.applications.eligibility.EligibilityOverride;
import org.stationf.aiprogram.applications.eligibility.EligibilityResult;
import org.stationf.aiprogram.applications.events.ApplicationEvents;
import org.stationf.aiprogram.eventing.EventPublisher;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ApplicationService {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    CallService calls;

    @Inject
    ApplicationHistory history;

    @Inject
    EligibilityEvaluator eligibility;

    @Inject
    EventPublisher events;

    @Inject
    Event<ApplicationLeftReview> leftReview;

    @Inject
    EntityManager entityManager;

    @Transactional
    public ApplicationView create(ApplicationRequest request) {
        if (request.callId() == null) {
            throw ProblemException.invalid("callId", "is required: the call you apply to");
        }
        // The call is named in the body, not the path: an unknown one is a bad field, not a missing resource.
        Call call = calls.findVisible(request.callId())
                .orElseThrow(() -> ProblemException.invalid("callId", "no call " + request.callId()));
        refuseUnlessOpen(call);
        // A draft started twice at once (a double click): the second waits, then is pointed at the first.
        AdvisoryLocks.holdUntilTransactionEnds(entityManager, call.id + ":applicant:" + caller.id());
        Application existing = Application.find("callId = ?1 and applicantId = ?2 and status <> ?3",
                call.id, caller.id(), ApplicationStatus.WITHDRAWN).firstResult();
        if (existing != null) {
            throw ProblemException.conflict("duplicate-application", "Duplicate application",
                            "You already have an application to this call; edit it instead")
                    .with("existingApplicationId", existing.id);
        }
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.callId = call.id;
        application.applicantId = caller.id();
        application.createdAt = clock.instant();
        application.status = ApplicationStatus.DRAFT;
        fill(application, request, call);
        application.persist();
        history.started(application, caller.actor(), "Draft started");
        return ApplicationView.of(application, false);
    }

    @Transactional
    public ApplicationView update(UUID id, ApplicationRequest request) {
        Application application = owned(id);
        Versions.requireCurrent("Application", id, request.version(), application.version);
        if (request.callId() != null && !request.callId().equals(application.callId)) {
            throw ProblemException.invalid("callId", "cannot change; start a new application for another call");
        }
        requireStatus(application, ApplicationStatus.DRAFT, "only a draft can be edited");
        Call call = calls.require(application.callId);
        refuseUnlessOpen(call);
        fill(application, request, call);
        application.updatedAt = clock.instant();
        application.persistAndFlush();
        return ApplicationView.of(application, false);
    }

    public ApplicationView get(UUID id) {
        return ApplicationView.of(visible(id), caller.isAdmin());
    }

    public List<StatusChangeView> history(UUID id) {
        return history.of(visible(id).id);
    }

    @Transactional
    public ApplicationView submit(UUID id) {
        Application application = owned(id);
        requireStatus(application, ApplicationStatus.DRAFT, "only a draft can be submitted");
        // Shared lock: judged by the rules an edit of the call leaves, never by those it is replacing (eligibilityRulesChanged),
        // and landed before the closing instant of a close that comes meanwhile (CallService.close).
        Call call = calls.lockShared(application.callId);
        Instant now = refuseUnlessOpen(call);
        List<Problem.FieldError> missing = missingForSubmission(application, call);
        if (!missing.isEmpty()) {
            throw new ProblemException(422, "incomplete-application", "Application incomplete",
                    missing.size() + " answer(s) missing before submission; the draft is kept", missing);
        }
        refuseDuplicates(application);

        EligibilityResult result = eligibility.evaluate(application, call.eligibility);
        application.eligibility = result.outcome();
        application.eligibilityReasons = result.reasons();
        application.submittedAt = now;
        history.move(application, ApplicationStatus.SUBMITTED, caller.actor(), "Submitted; eligibility " + result.outcome());
        application.persistAndFlush();
        events.publish(ApplicationEvents.TOPIC, ApplicationEvents.SUBMITTED, application.id,
                new ApplicationEvents.ApplicationSubmitted(application.id, application.callId, application.applicantId,
                        application.companyName, application.country, String.valueOf(application.stage),
                        application.models.stream().map(ModelUse::name).toList(), result.outcome().name(), application.submittedAt));
        return ApplicationView.of(application, false);
    }

    @Transactional
    public ApplicationView withdraw(UUID id, WithdrawalRequest request) {
        Application application = owned(id);
        ApplicationStatus previous = application.status;
        if (!previous.withdrawable()) {
            throw ProblemException.conflict("invalid-transition", "Invalid transition",
                    "Application " + id + " is " + previous + "; it can no longer be withdrawn");
        }
        if (application.decisionPublishedAt == null) {
            application.decision = null;
            application.decisionReason = null;
        }
        history.move(application, ApplicationStatus.WITHDRAWN, caller.actor(), request.reason());
        application.persistAndFlush();
        if (previous != ApplicationStatus.DRAFT) {
            leftReview.fire(new ApplicationLeftReview(application));
            events.publish(ApplicationEvents.TOPIC, ApplicationEvents.WITHDRAWN, application.id,
                    new ApplicationEvents.ApplicationWithdrawn(application.id, application.callId, application.applicantId,
                            previous.name(), request.reason(), clock.instant()));
        }
        return ApplicationView.of(application, false);
    }

    @Transactional
    public ApplicationView overrideEligibility(UUID id, EligibilityOverride request) {
        Application application = require(id);
        requireStatus(application, ApplicationStatus.SUBMITTED, "eligibility is overridden between submission and decision");
        if (request.outcome() == EligibilityOutcome.INELIGIBLE && application.decision == Decision.SHORTLISTED) {
            // The same rule as shortlisting: an ineligible application is never on the shortlist, published or not.
            throw ProblemException.conflict("shortlisted", "On the shortlist", "Application " + id
                    + " is on the call's unpublished shortlist; take it off (DELETE its decision) before overriding it to INELIGIBLE");
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("Overridden to " + request.outcome() + " by " + caller.actor() + ": " + request.reason());
        reasons.addAll(application.eligibilityReasons.stream().filter(reason -> !reason.startsWith("Overridden to ")).toList());
        application.eligibility = request.outcome();
        application.eligibilityReasons = List.copyOf(reasons);
        application.eligibilityOverridden = true;
        if (request.outcome() != EligibilityOutcome.ELIGIBLE) {
            leftReview.fire(new ApplicationLeftReview(application));
        }
        history.move(application, application.status, caller.actor(), "Eligibility overridden to " + request.outcome() + ": " + request.reason());
        application.persistAndFlush();
        return ApplicationView.of(application, true);
    }

    /**
     * Edited rules judge again the applications awaiting a decision, so that every one of them is judged by the rules
     * the call states, whenever it came in. An admin's override stands: it was a human's judgement of this application.
     * An application on the unpublished shortlist that the new rules would make ineligible refuses the edit, as an
     * override to INELIGIBLE would be refused.
     */
    void eligibilityRulesChanged(@Observes EligibilityRulesChanged change) {
        Call call = change.call();
        List<Application> judged = Application.list("callId = ?1 and status = ?2 and eligibilityOverridden = false",
                Sort.by("submittedAt").and("id"), call.id, ApplicationStatus.SUBMITTED);
        List<UUID> shortlistedMadeIneligible = new ArrayList<>();
        for (Application application : judged) {
            EligibilityResult result = eligibility.evaluate(application, call.eligibility);
            if (result.outcome() == EligibilityOutcome.INELIGIBLE && application.decision == Decision.SHORTLISTED) {
                shortlistedMadeIneligible.add(application.id);
            }
            if (result.outcome() != application.eligibility) {
                history.move(application, application.status, caller.actor(), "Eligibility judged again under the call's "
                        + "edited rules: " + application.eligibility + " → " + result.outcome());
                if (application.eligibility == EligibilityOutcome.ELIGIBLE) {
                    leftReview.fire(new ApplicationLeftReview(application));
                }
            }
            application.eligibility = result.outcome();
            application.eligibilityReasons = result.reasons();
        }
        if (!shortlistedMadeIneligible.isEmpty()) {
            throw ProblemException.conflict("shortlisted", "On the shortlist", shortlistedMadeIneligible.size()
                    + " application(s) on the call's unpublished shortlist would be ineligible under these rules; take them off "
                    + "(DELETE their decision) or override their eligibility before changing the rules")
                    .with("applicationIds", shortlistedMadeIneligible);
        }
    }

    /** An application as the caller may see it: its applicant, a reviewer assigned to it, or an admin; others get 404. */
    public Application visible(UUID id) {
        Application application = Application.findById(id);
        if (application == null || !(caller.isAdmin()
                || (caller.is(Roles.APPLICANT) && application.applicantId.equals(caller.id()))
                || (caller.is(Roles.REVIEWER) && assignedToCaller(application.id)))) {
            throw ProblemException.notFound("Application", id);
        }
        return application;
    }

    public Application require(UUID id) {
        Application application = Application.findById(id);
        if (application == null) {
            throw ProblemException.notFound("Application", id);
        }
        return application;
    }

    private Application owned(UUID id) {
        Application application = Application.findById(id);
        if (application == null || !application.applicantId.equals(caller.id())) {
            throw ProblemException.notFound("Application", id);
        }
        return application;
    }

    private boolean assignedToCaller(UUID applicationId) {
        return ((Number) entityManager.createNativeQuery("""
                        SELECT count(*) FROM review r JOIN reviewer v ON v.id = r.reviewer_id
                        WHERE r.application_id = :application AND v.account_id = :account""")
                .setParameter("application", applicationId).setParameter("account", caller.id())
                .getSingleResult()).longValue() > 0;
    }

    private static void requireStatus(Application application, ApplicationStatus expected, String rule) {
        if (application.status != expected) {
            throw ProblemException.conflict("invalid-transition", "Invalid transition",
                    "Application " + application.id + " is " + application.status + "; " + rule);
        }
    }

    /**
     * Refuses by the server's clock, in the call's time zone: before it opens, after it closes. Nothing is changed.
     * Returns the instant the call was found open at: a submission's time, never after the deadline it was checked against.
     */
    private Instant refuseUnlessOpen(Call call) {
        Instant now = clock.instant();
        if (call.status == CallStatus.CLOSED || now.isAfter(call.closesAt)) {
            throw ProblemException.conflict("deadline-passed", "Deadline passed",
                            "The call closed at " + CallView.inZone(call.closesAt, call.zone()) + " (" + call.timeZone
                                    + "); applications can no longer be started, edited or submitted. Your draft is kept.")
                    .with("deadline", CallView.inZone(call.closesAt, call.zone()).toString())
                    .with("timeZone", call.timeZone);
        }
        if (call.status != CallStatus.PUBLISHED || now.isBefore(call.opensAt)) {
            throw ProblemException.conflict("call-not-open", "Call not open",
                    "The call opens at " + CallView.inZone(call.opensAt, call.zone()) + " (" + call.timeZone + ")")
                    .with("opensAt", CallView.inZone(call.opensAt, call.zone()).toString());
        }
        return now;
    }

    private void fill(Application application, ApplicationRequest request, Call call) {
        Map<String, String> answers = request.answers() == null ? Map.of() : request.answers();
        Map<String, Question> questions = new HashMap<>();
        call.questions.forEach(question -> questions.put(question.key(), question));
        List<Problem.FieldError> errors = new ArrayList<>();
        answers.forEach((key, answer) -> {
            Question question = questions.get(key);
            if (question == null) {
                errors.add(new Problem.FieldError("answers." + key, "is not a question of this call; questions are " + questions.keySet()));
            } else if (answer != null && answer.length() > question.maxLength()) {
                errors.add(new Problem.FieldError("answers." + key, "is " + answer.length() + " characters long; at most " + question.maxLength()));
            }
        });
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request", "Some answers do not fit the call's form", errors);
        }
        application.companyName = request.company().name().trim();
        application.normalizedName = CompanyNames.normalize(application.companyName);
        application.registrationNumber = request.company().registrationNumber();
        application.registrationKey = CompanyNames.registrationKey(request.company().registrationNumber());
        application.country = request.company().country();
        application.website = request.company().website();
        application.founders = request.founders() == null ? List.of() : List.copyOf(request.founders());
        application.founderEmails = application.founders.stream().map(f -> f.email().trim().toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        application.stage = request.stage();
        application.teamSize = request.teamSize();
        application.models = request.models() == null ? List.of() : List.copyOf(request.models());
        application.modelNames = application.models.stream().map(m -> m.name().trim().toLowerCase(Locale.ROOT)).toArray(String[]::new);
        application.product = request.product();
        application.answers = new LinkedHashMap<>(answers);
        application.updatedAt = clock.instant();
    }

    private static List<Problem.FieldError> missingForSubmission(Application application, Call call) {
        List<Problem.FieldError> missing = new ArrayList<>();
        if (blank(application.country)) {
            missing.add(new Problem.FieldError("company.country", "is required to submit"));
        }
        if (application.founders.isEmpty()) {
            missing.add(new Problem.FieldError("founders", "name at least one founder"));
        }
        if (application.stage == null) {
            missing.add(new Problem.FieldError("stage", "is required to submit"));
        }
        if (application.teamSize == null) {
            missing.add(new Problem.FieldError("teamSize", "is required to submit"));
        }
        if (application.models.isEmpty()) {
            missing.add(new Problem.FieldError("models", "name the open foundation models the product builds on"));
        }
        if (blank(application.product)) {
            missing.add(new Problem.FieldError("product", "is required to submit"));
        }
        for (Question question : call.questions) {
            if (question.required() && blank(application.answers.get(question.key()))) {
                missing.add(new Problem.FieldError("answers." + question.key(), "is required: " + question.label()));
            }
        }
        return missing;
    }

    /**
     * One application per startup per call: a submitted application of the same registered company, or of the same
     * company name with a founder in common, is refused. Submissions of one company are serialized with advisory locks.
     */
    private void refuseDuplicates(Application application) {
        AdvisoryLocks.holdUntilTransactionEnds(entityManager, application.callId + ":name:" + application.normalizedName);
        if (application.registrationKey != null) {
            AdvisoryLocks.holdUntilTransactionEnds(entityManager, application.callId + ":registration:" + application.registrationKey);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> duplicates = entityManager.createNativeQuery("""
                        SELECT id, CASE WHEN registration_key = :registration THEN 'registration' ELSE 'name' END
                        FROM application
                        WHERE call_id = :call AND id <> :id AND status NOT IN ('DRAFT', 'WITHDRAWN')
                          AND (registration_key = :registration
                               OR (normalized_name = :name AND founder_emails && string_to_array(:emails, chr(10))))
                        LIMIT 1""")
                .setParameter("call", application.callId)
                .setParameter("id", application.id)
                .setParameter("registration", application.registrationKey == null ? "" : application.registrationKey)
                .setParameter("name", application.normalizedName)
                .setParameter("emails", String.join("\n", application.founderEmails))
                .getResultList();
        if (!duplicates.isEmpty()) {
            String by = "registration".equals(duplicates.get(0)[1])
                    ? "the same company registration number" : "the same company name and a founder in common";
            throw ProblemException.conflict("duplicate-application", "Duplicate application",
                    "This company has already applied to this call (" + by + "); one application per startup per call. "
                            + "Your draft is kept.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

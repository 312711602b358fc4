package org.stationf.aiprogram.applications.call;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.InvalidFields;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.RowLocks;
import org.stationf.aiprogram.api.Versions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

@ApplicationScoped
public class CallService {

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Event<RubricChanged> rubricChanges;

    @Inject
    Event<EligibilityRulesChanged> eligibilityRulesChanges;

    public List<CallView> list(boolean openOnly) {
        Instant now = clock.instant();
        List<Call> calls = caller.isAdmin() && !openOnly
                ? Call.listAll(Sort.by("opensAt").descending())
                : Call.list("status", Sort.by("closesAt"), CallStatus.PUBLISHED);
        return calls.stream()
                .filter(call -> !openOnly || call.acceptsApplicationsAt(now))
                .map(call -> CallView.of(call, now)).toList();
    }

    public CallView get(UUID id) {
        return CallView.of(visible(id), clock.instant());
    }

    /** A call as the caller may see it: drafts are for admins only. */
    public Call visible(UUID id) {
        return findVisible(id).orElseThrow(() -> ProblemException.notFound("Call", id));
    }

    public Optional<Call> findVisible(UUID id) {
        return Call.<Call>findByIdOptional(id).filter(call -> call.status != CallStatus.DRAFT || caller.isAdmin());
    }

    public Call require(UUID id) {
        Call call = Call.findById(id);
        if (call == null) {
            throw ProblemException.notFound("Call", id);
        }
        return call;
    }

    /**
     * The call, read under a shared lock for the rest of the transaction: what is decided here by its rules (an
     * eligibility, a weighted score) is decided by the rules an edit under way leaves, and an edit waits for it.
     */
    public Call lockShared(UUID id) {
        Call call = Call.findById(id, LockModeType.PESSIMISTIC_READ);
        if (call == null) {
            throw ProblemException.notFound("Call", id);
        }
        return call;
    }

    /** The call, locked against concurrent changes for the rest of the transaction. */
    public Call lock(UUID id) {
        // Gone while this transaction waited for its lock: a draft discarded meanwhile.
        return RowLocks.forUpdate(Call.getEntityManager(), require(id)).orElseThrow(() -> ProblemException.notFound("Call", id));
    }

    @Transactional
    public CallView create(CallRequest request) {
        Call call = new Call();
        call.id = UUID.randomUUID();
        call.status = CallStatus.DRAFT;
        call.createdAt = clock.instant();
        apply(call, request);
        call.persist();
        return CallView.of(call, clock.instant());
    }

    @Transactional
    public CallView update(UUID id, CallRequest request) {
        // Locked, as a reviewer's scores are saved under a shared lock of the call: scores and rubric stay in step.
        Call call = lock(id);
        Versions.requireCurrent("Call", id, request.version(), call.version);
        if (call.status == CallStatus.CLOSED) {
            throw ProblemException.conflict("call-closed", "Call closed", "A closed call cannot be edited");
        }
        Rubric previousRubric = call.rubric;
        EligibilityRules previousRules = call.eligibility;
        apply(call, request);
        if (!call.rubric.equals(previousRubric)) {
            rubricChanges.fire(new RubricChanged(call, previousRubric));
        }
        if (!call.eligibility.equals(previousRules)) {
            eligibilityRulesChanges.fire(new EligibilityRulesChanged(call, previousRules));
        }
        call.persistAndFlush();
        return CallView.of(call, clock.instant());
    }

    /**
     * A draft made by mistake (a second copy, say) goes, with the review committee set on it. Nothing else can hang
     * on a draft: applicants neither see it nor apply to it. Published calls stay for the record; close them instead.
     */
    @Transactional
    public void discard(UUID id) {
        Call call = lock(id);
        if (call.status != CallStatus.DRAFT) {
            throw ProblemException.conflict("call-not-draft", "Only a draft is discarded",
                    "Call " + id + " is " + call.status + "; close it instead").with("currentStatus", call.status.name());
        }
        Call.getEntityManager().createQuery("delete from CallReviewer where callId = ?1").setParameter(1, id).executeUpdate();
        call.delete();
    }

    @Transactional
    public CallView publish(UUID id) {
        Call call = require(id);
        if (call.status != CallStatus.DRAFT) {
            throw ProblemException.conflict("invalid-transition", "Invalid transition", "Call " + id + " is " + call.status + "; only a draft is published");
        }
        call.status = CallStatus.PUBLISHED;
        call.persistAndFlush();
        return CallView.of(call, clock.instant());
    }

    @Transactional
    public CallView close(UUID id) {
        // Locked first: the submissions under way (each holds a shared lock of the call) land before the closing instant
        // taken here, and those after it find the call closed.
        Call call = lock(id);
        if (call.status != CallStatus.PUBLISHED) {
            throw ProblemException.conflict("invalid-transition", "Invalid transition", "Call " + id + " is " + call.status + "; only a published call is closed");
        }
        call.status = CallStatus.CLOSED;
        Instant now = clock.instant();
        if (call.closesAt.isAfter(now)) {
            call.closesAt = now;
        }
        call.persistAndFlush();
        return CallView.of(call, now);
    }

    /** The next edition: same rules, form, rubric, partners and places, new name and dates, as a draft. */
    @Transactional
    public CallView copy(UUID id, CallCopyRequest request) {
        Call source = require(id);
        Call copy = new Call();
        copy.id = UUID.randomUUID();
        copy.status = CallStatus.DRAFT;
        copy.createdAt = clock.instant();
        copy.name = request.name().trim();
        copy.edition = request.edition().trim();
        copy.description = source.description;
        copy.timeZone = source.timeZone;
        InvalidFields invalid = new InvalidFields();
        checkDates(invalid, request.opensAt(), request.closesAt(), request.reviewClosesAt());
        invalid.throwIfAny();
        setDates(copy, source.zone(), request.opensAt(), request.closesAt(), request.reviewClosesAt());
        copy.places = source.places;
        copy.reviewersPerApplication = source.reviewersPerApplication;
        copy.partners = List.copyOf(source.partners);
        copy.eligibility = source.eligibility;
        copy.questions = List.copyOf(source.questions);
        copy.rubric = source.rubric;
        copy.persist();
        return CallView.of(copy, clock.instant());
    }

    private void apply(Call call, CallRequest request) {
        InvalidFields invalid = new InvalidFields();
        checkRubric(invalid, request.rubric());
        checkUnique(invalid, "questions", request.questions(), Question::key);
        checkUnique(invalid, "partners", request.partners(), Function.identity());
        EligibilityRules rules = request.eligibility();
        invalid.check(rules.minTeamSize() == null || rules.maxTeamSize() == null || rules.minTeamSize() <= rules.maxTeamSize(),
                "eligibility.minTeamSize", "must not exceed maxTeamSize");
        checkDates(invalid, request.opensAt(), request.closesAt(), request.reviewClosesAt());
        invalid.throwIfAny();
        call.name = request.name().trim();
        call.edition = request.edition().trim();
        call.description = request.description();
        call.timeZone = request.timeZone().getId();
        setDates(call, request.timeZone(), request.opensAt(), request.closesAt(), request.reviewClosesAt());
        call.places = request.places();
        call.reviewersPerApplication = request.reviewersPerApplication() == null ? 3 : request.reviewersPerApplication();
        call.partners = List.copyOf(request.partners());
        call.eligibility = rules;
        call.questions = List.copyOf(request.questions());
        call.rubric = request.rubric();
    }

    private static void checkDates(InvalidFields invalid, LocalDateTime opens, LocalDateTime closes, LocalDateTime reviewCloses) {
        invalid.check(opens.isBefore(closes), "closesAt", "must be after opensAt");
        invalid.check(!reviewCloses.isBefore(closes), "reviewClosesAt", "must not be before closesAt");
    }

    private static void setDates(Call call, ZoneId zone, LocalDateTime opens, LocalDateTime closes, LocalDateTime reviewCloses) {
        call.opensAt = opens.atZone(zone).toInstant();
        call.closesAt = closes.atZone(zone).toInstant();
        call.reviewClosesAt = reviewCloses.atZone(zone).toInstant();
    }

    private static void checkRubric(InvalidFields invalid, Rubric rubric) {
        invalid.check(rubric.scaleMin() < rubric.scaleMax(), "rubric.scaleMax", "must be greater than scaleMin");
        checkUnique(invalid, "rubric.criteria", rubric.criteria(), RubricCriterion::key);
        BigDecimal sum = rubric.criteria().stream().map(RubricCriterion::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        invalid.check(sum.compareTo(BigDecimal.ONE) == 0, "rubric.criteria",
                "weights must sum to 1; they sum to " + sum.stripTrailingZeros().toPlainString());
    }

    private static <T> void checkUnique(InvalidFields invalid, String field, List<T> items, Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            invalid.check(seen.add(key.apply(items.get(i))), field + "[" + i + "]", "duplicates " + key.apply(items.get(i)));
        }
    }
}

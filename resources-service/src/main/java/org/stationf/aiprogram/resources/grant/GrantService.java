package org.stationf.aiprogram.resources.grant;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.AdvisoryLocks;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.api.Where;
import org.stationf.aiprogram.resources.enrollment.KnownCohort;
import org.stationf.aiprogram.resources.enrollment.Enrollment;
import org.stationf.aiprogram.resources.events.GrantEvents;
import org.stationf.aiprogram.resources.ledger.EntryType;
import org.stationf.aiprogram.resources.ledger.Ledger;
import org.stationf.aiprogram.resources.ledger.LedgerEntry;
import org.stationf.aiprogram.resources.partner.Partner;
import org.stationf.aiprogram.resources.resourcepackage.PackageItem;
import org.stationf.aiprogram.resources.resourcepackage.ResourcePackage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class GrantService {

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Ledger ledger;

    @Inject
    GrantEvents events;

    @Inject
    Event<GrantEnding> ending;

    /**
     * Serializes, per cohort, putting its package and issuing, revoking or expiring its members' grants: a member
     * enrolling while the package is first put is seen by the package's transaction or sees the package, whichever
     * commits second; a member leaving is not issued a new item's grant by a package put meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdCohortGrants(UUID cohortId) {
        AdvisoryLocks.holdUntilTransactionEnds(Grant.getEntityManager(), "resources-cohort-grants:" + cohortId);
    }

    /** Issues the member every package item it has no grant for yet; the (member, item) pair is unique in the database. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int issueFor(Enrollment enrollment) {
        holdCohortGrants(enrollment.cohortId);
        ResourcePackage resourcePackage = ResourcePackage.findById(enrollment.cohortId);
        if (resourcePackage == null || !Enrollment.ENROLLED.equals(enrollment.status)
                || KnownCohort.completed(enrollment.cohortId)) {
            return 0;
        }
        int issued = 0;
        for (PackageItem item : resourcePackage.items) {
            if (Grant.count("memberId = ?1 and itemKey = ?2", enrollment.memberId, item.key()) > 0) {
                continue;
            }
            Grant grant = new Grant();
            grant.id = UUID.randomUUID();
            grant.cohortId = enrollment.cohortId;
            grant.memberId = enrollment.memberId;
            grant.partner = item.partner();
            grant.itemKey = item.key();
            grant.kind = item.kind();
            grant.description = item.description();
            grant.unit = item.unit();
            grant.entitlements = item.entitlements() == null ? List.of() : List.copyOf(item.entitlements());
            grant.amountGranted = item.amount().setScale(2, RoundingMode.UNNECESSARY);
            grant.balance = BigDecimal.ZERO.setScale(2);
            grant.status = GrantStatus.ISSUED;
            grant.expiresAt = item.expiresOn() == null ? null : item.expiresOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            grant.issuedAt = clock.instant();
            grant.persist();
            ledger.append(grant, EntryType.GRANT, grant.amountGranted, "resources-service", "Granted from the cohort's package '" + resourcePackage.name + "'", item.key());
            events.publish(GrantEvents.ISSUED, grant);
            issued++;
        }
        return issued;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int issueMissing(UUID cohortId) {
        int issued = 0;
        for (Enrollment enrollment : Enrollment.<Enrollment>list("cohortId = ?1 and status = ?2", cohortId, Enrollment.ENROLLED)) {
            issued += issueFor(enrollment);
        }
        return issued;
    }

    /** The partner confirms the grant with its own reference (the Scaleway organization, the Hugging Face org id, ...). */
    @Transactional
    public GrantView activate(UUID grantId, String externalReference) {
        Grant grant = lock(visibleToPartner(grantId).id);
        if (grant.status == GrantStatus.ACTIVE && externalReference.equals(grant.externalReference)) {
            return view(grant);
        }
        if (grant.status != GrantStatus.ISSUED) {
            throw ProblemException.conflict("invalid-transition", "Invalid transition", "Grant " + grantId + " is " + grant.status
                    + (grant.status == GrantStatus.ACTIVE ? " with reference " + grant.externalReference : ""));
        }
        grant.status = GrantStatus.ACTIVE;
        grant.externalReference = externalReference;
        grant.activatedAt = clock.instant();
        events.publish(GrantEvents.ACTIVATED, grant);
        return view(grant);
    }

    /** The member left: every open grant is closed and its unused rest revoked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeForMember(UUID memberId, String reason) {
        for (Grant grant : Grant.<Grant>list("memberId = ?1 and status in ?2", memberId, List.of(GrantStatus.ISSUED, GrantStatus.ACTIVE))) {
            end(lock(grant.id), GrantStatus.REVOKED, EntryType.REVOKE, reason, GrantEvents.REVOKED);
        }
    }

    /** The cohort completed: what remains of its grants expires, and it is recorded so that none is issued after. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeCohort(UUID cohortId, Instant completedAt) {
        holdCohortGrants(cohortId);
        KnownCohort cohort = KnownCohort.of(cohortId);
        if (cohort.completedAt == null) {
            cohort.completedAt = completedAt;
        }
        for (Grant grant : Grant.<Grant>list("cohortId = ?1 and status in ?2", cohortId, List.of(GrantStatus.ISSUED, GrantStatus.ACTIVE))) {
            end(lock(grant.id), GrantStatus.EXPIRED, EntryType.EXPIRE, "The cohort completed", GrantEvents.EXPIRED);
        }
    }

    /** Expires grants past their expiry date; returns how many. */
    @Transactional
    public int expireDue() {
        int expired = 0;
        for (Grant grant : Grant.<Grant>list("status in ?1 and expiresAt < ?2", List.of(GrantStatus.ISSUED, GrantStatus.ACTIVE), clock.instant())) {
            end(lock(grant.id), GrantStatus.EXPIRED, EntryType.EXPIRE, "Expired on " + grant.expiresAt, GrantEvents.EXPIRED);
            expired++;
        }
        return expired;
    }

    private void end(Grant grant, GrantStatus status, EntryType entryType, String reason, String eventType) {
        if (!grant.status.open()) {
            return;
        }
        GrantEnding grantEnding = new GrantEnding(grant, status, reason);
        ending.fire(grantEnding);
        BigDecimal rest = grant.balance.subtract(grantEnding.held());
        if (rest.signum() > 0) {
            ledger.append(grant, entryType, rest.negate(), "resources-service", reason, null);
        }
        grant.status = status;
        grant.endedAt = clock.instant();
        events.publish(eventType, grant);
    }

    /** The grant, locked against concurrent debits until the transaction ends. */
    public Grant lock(UUID grantId) {
        Grant grant = Grant.findById(grantId);
        if (grant == null) {
            throw ProblemException.notFound("Grant", grantId);
        }
        // Refreshing under the lock reads the latest committed state, even if this transaction had read an older one.
        Grant.getEntityManager().refresh(grant, LockModeType.PESSIMISTIC_WRITE);
        return grant;
    }

    /** A grant as the caller may see it: admins any, a partner its own, a startup its members'; others get 404. */
    public Grant visible(UUID grantId) {
        Grant grant = Grant.findById(grantId);
        if (grant == null || !canSee(grant)) {
            throw ProblemException.notFound("Grant", grantId);
        }
        return grant;
    }

    /** A grant the calling partner (or an admin) may act on. */
    public Grant visibleToPartner(UUID grantId) {
        Grant grant = Grant.findById(grantId);
        if (grant == null || !caller.actsFor(grant.partner)) {
            throw ProblemException.notFound("Grant", grantId);
        }
        return grant;
    }

    private boolean canSee(Grant grant) {
        if (caller.isAdmin()) {
            return true;
        }
        if (caller.is(Roles.PARTNER)) {
            return caller.actsFor(grant.partner);
        }
        Enrollment enrollment = Enrollment.findById(grant.memberId);
        return enrollment != null && enrollment.applicantId.equals(caller.id());
    }

    /** A member's grants, for admins and for the startup the member is; to any other startup the member does not exist. */
    public List<GrantView> ofMember(UUID memberId) {
        Enrollment enrollment = Enrollment.findById(memberId);
        if (enrollment == null || !(caller.isAdmin() || caller.id().equals(enrollment.applicantId))) {
            throw ProblemException.notFound("Member", memberId);
        }
        return list(null, memberId, null, null);
    }

    public List<GrantView> list(UUID cohortId, UUID memberId, String partner, GrantStatus status) {
        Where where = new Where();
        if (!caller.isAdmin()) {
            if (caller.is(Roles.PARTNER)) {
                where.and("partner = :own", "own", caller.requirePartner());
            } else {
                where.and("memberId in (select e.memberId from Enrollment e where e.applicantId = :applicant)", "applicant", caller.id());
            }
        }
        where.and("cohortId = :cohort", "cohort", cohortId)
                .and("memberId = :member", "member", memberId)
                .and("partner = :partner", "partner", Partner.filterCode("partner", partner))
                .and("status = :status", "status", status);
        return Grant.<Grant>list(where.clause(), Sort.by("issuedAt").and("id"), where.parameters()).stream().map(this::view).toList();
    }

    public GrantView get(UUID grantId) {
        return view(visible(grantId));
    }

    public GrantView view(Grant grant) {
        Enrollment enrollment = Enrollment.findById(grant.memberId);
        BigDecimal used = usedOf(grant);
        return new GrantView(grant.id, grant.version, grant.cohortId, grant.memberId, enrollment == null ? null : enrollment.companyName,
                grant.partner, grant.kind, grant.description, grant.unit, grant.entitlements, grant.amountGranted, used, grant.balance,
                grant.percentUsed(used), grant.status, grant.externalReference, grant.expiresAt, grant.issuedAt, grant.activatedAt, grant.endedAt,
                forecast(grant, used));
    }

    /** Net usage: debits less credits (revocation and expiry are not usage). */
    static BigDecimal usedOf(Grant grant) {
        BigDecimal net = BigDecimal.ZERO.setScale(2);
        for (LedgerEntry entry : LedgerEntry.<LedgerEntry>list("grantId = ?1 and type in ?2", grant.id, List.of(EntryType.DEBIT, EntryType.CREDIT))) {
            net = net.subtract(entry.amount);
        }
        return net.max(BigDecimal.ZERO.setScale(2));
    }

    /**
     * Burn rate = net usage / days since activation (or the first usage), at least one day. The run-out day comes from
     * the exact rate: the rate as shown, rounded, would move it by a day or more.
     */
    Forecast forecast(Grant grant, BigDecimal used) {
        if (used.signum() <= 0 || !grant.status.open()) {
            return new Forecast(null, null, false);
        }
        Instant since = grant.activatedAt != null ? grant.activatedAt : firstDebit(grant);
        BigDecimal days = BigDecimal.valueOf(Math.max(1, Duration.between(since, clock.instant()).toDays()));
        long daysLeft = grant.balance.multiply(days).divide(used, 0, RoundingMode.FLOOR).longValue();
        LocalDate runsOut = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(daysLeft);
        boolean beforeExpiry = grant.expiresAt != null && runsOut.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(grant.expiresAt);
        return new Forecast(shown(used.divide(days, MathContext.DECIMAL64)), runsOut, beforeExpiry);
    }

    /** A daily rate to two decimals, like the amounts; a slower one to two significant digits rather than 0.00. */
    private static BigDecimal shown(BigDecimal daily) {
        BigDecimal hundredths = daily.setScale(2, RoundingMode.HALF_UP);
        return hundredths.signum() > 0 ? hundredths : daily.round(new MathContext(2, RoundingMode.HALF_UP));
    }

    private static Instant firstDebit(Grant grant) {
        LedgerEntry first = LedgerEntry.find("grantId = ?1 and type = ?2", Sort.by("id"), grant.id, EntryType.DEBIT).firstResult();
        return first == null ? grant.issuedAt : first.createdAt;
    }

    /**
     * A cohort's grants. A cohort this service has never heard of (no package, no enrolled member) is a 404, so a
     * mistyped id is told apart from a known cohort whose members have no grant yet.
     */
    public List<Grant> ofCohort(UUID cohortId) {
        List<Grant> grants = Grant.list("cohortId", Sort.by("memberId").and("partner").and("itemKey"), cohortId);
        if (grants.isEmpty() && ResourcePackage.findById(cohortId) == null && Enrollment.count("cohortId", cohortId) == 0) {
            throw ProblemException.notFound("Cohort", cohortId);
        }
        return new ArrayList<>(grants);
    }
}

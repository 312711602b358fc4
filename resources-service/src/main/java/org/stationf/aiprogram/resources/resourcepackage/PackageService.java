package org.stationf.aiprogram.resources.resourcepackage;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stationf.aiprogram.api.InvalidFields;
import org.stationf.aiprogram.api.Page;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.Versions;
import org.stationf.aiprogram.resources.enrollment.KnownCohort;
import org.stationf.aiprogram.resources.grant.GrantService;
import org.stationf.aiprogram.resources.partner.Partner;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class PackageService {

    @Inject
    Clock clock;

    @Inject
    GrantService grants;

    /**
     * Creates or replaces a cohort's package. Members already enrolled receive the items they lack now; grants already
     * issued stay as they were issued, since their partners provisioned them so: a changed or removed item applies to
     * members enrolling from now on.
     */
    @Transactional
    public PackageView put(UUID cohortId, PackageRequest request) {
        InvalidFields invalid = new InvalidFields();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            PackageItem item = request.items().get(i);
            String at = "items[" + i + "]";
            invalid.check(keys.add(item.key()), at + ".key", "duplicates " + item.key());
            invalid.check(Partner.findById(item.partner()) != null, at + ".partner", "no partner " + item.partner() + "; add it first");
            invalid.check(item.kind().units().contains(item.unit()), at + ".unit",
                    item.kind() + " is counted in " + item.kind().units() + ", not " + item.unit());
            invalid.check(item.unit() != Unit.SEAT || item.amount().stripTrailingZeros().scale() <= 0, at + ".amount", "seats are whole numbers");
        }
        invalid.throwIfAny();
        grants.holdCohortGrants(cohortId);
        KnownCohort cohort = KnownCohort.findById(cohortId);
        if (cohort != null && cohort.discardedAt != null) {
            throw ProblemException.conflict("cohort-discarded", "Cohort discarded", "Cohort " + cohortId + " was discarded at "
                    + cohort.discardedAt + " while it was planned: it will have no members, so no package").with("discardedAt", cohort.discardedAt);
        }
        if (cohort != null && cohort.completedAt != null) {
            // The package is the record of what the members received; after completion it could only issue grants to alumni.
            throw ProblemException.conflict("cohort-completed", "Cohort completed", "Cohort " + cohortId + " completed at "
                    + cohort.completedAt + ": its grants have ended and its package no longer changes").with("completedAt", cohort.completedAt);
        }
        if (cohort == null || cohort.plannedAt == null) {
            // A mistyped id would otherwise get a package that no member ever receives, and nobody would notice.
            throw new ProblemException(404, "cohort-unknown", "Cohort unknown", "No cohort " + cohortId + " is known here: "
                    + "resources-service learns each cohort cohort-service creates from its CohortPlanned event, within a second "
                    + "or so. Check the id (GET /api/cohorts), or try again in a moment if the cohort was created just now");
        }
        ResourcePackage resourcePackage = ResourcePackage.findById(cohortId);
        if (resourcePackage == null) {
            resourcePackage = new ResourcePackage();
            resourcePackage.cohortId = cohortId;
        } else {
            Versions.requireCurrent("The package of cohort", cohortId, request.version(), resourcePackage.version);
        }
        resourcePackage.name = request.name().trim();
        resourcePackage.items = List.copyOf(request.items());
        resourcePackage.updatedAt = clock.instant();
        resourcePackage.persistAndFlush();
        int issued = grants.issueMissing(cohortId);
        return view(resourcePackage, issued);
    }

    /** cohort-service created the cohort: a package may be put for it from now on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planCohort(UUID cohortId, Instant plannedAt) {
        KnownCohort cohort = KnownCohort.of(cohortId);
        if (cohort.plannedAt == null) {
            cohort.plannedAt = plannedAt;
        }
    }

    /**
     * The cohort was made by mistake and cohort-service discarded it before anyone was selected into it: its package
     * goes, and it is recorded so that a package put for it later is refused rather than recreated for nobody.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void discardCohort(UUID cohortId, Instant discardedAt) {
        grants.holdCohortGrants(cohortId);
        KnownCohort cohort = KnownCohort.of(cohortId);
        if (cohort.discardedAt == null) {
            cohort.discardedAt = discardedAt;
        }
        ResourcePackage.deleteById(cohortId);
    }

    public Page<PackageView> list(int page, int size) {
        PanacheQuery<ResourcePackage> packages = ResourcePackage.findAll(Sort.by("updatedAt").descending().and("cohortId"));
        return new Page<>(packages.page(page, size).<ResourcePackage>list().stream().map(resourcePackage -> view(resourcePackage, 0)).toList(),
                packages.count(), page, size);
    }

    public PackageView get(UUID cohortId) {
        ResourcePackage resourcePackage = ResourcePackage.findById(cohortId);
        if (resourcePackage == null) {
            throw ProblemException.notFound("Resource package of cohort", cohortId);
        }
        return view(resourcePackage, 0);
    }

    private static PackageView view(ResourcePackage resourcePackage, int issued) {
        return new PackageView(resourcePackage.cohortId, resourcePackage.version, resourcePackage.name, resourcePackage.items,
                resourcePackage.updatedAt, issued);
    }
}

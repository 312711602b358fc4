package org.stationf.aiprogram.resources.resourcepackage;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a grant gives: mentoring hours, access to a partner's platform (seats, tiers, features), or compute credits;
 * each counted in the units that make sense for it (mentoring sessions debit hours, so mentoring is never in euros).
 */
public enum ResourceKind {
    MENTORING_HOURS(EnumSet.of(Unit.HOUR)),
    PLATFORM_ACCESS(EnumSet.of(Unit.SEAT, Unit.HOUR)),
    COMPUTE_CREDITS(EnumSet.of(Unit.EUR, Unit.HOUR));

    private final Set<Unit> units;

    ResourceKind(Set<Unit> units) {
        this.units = units;
    }

    public Set<Unit> units() {
        return units;
    }
}

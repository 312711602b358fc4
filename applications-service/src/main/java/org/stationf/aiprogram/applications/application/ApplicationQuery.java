package org.stationf.aiprogram.applications.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.stationf.aiprogram.api.Caller;
import org.stationf.aiprogram.api.Page;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.api.Roles;
import org.stationf.aiprogram.api.Where;
import org.stationf.aiprogram.applications.call.Stage;
import org.stationf.aiprogram.applications.eligibility.EligibilityOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Lists applications for the caller (own, assigned or all), filtered, sorted and paged, with the total count. */
@ApplicationScoped
public class ApplicationQuery {

    /** Sortable fields and their columns; the id always breaks ties so pages are stable. */
    static final Map<String, String> SORTABLE = Map.of(
            "submittedAt", "submitted_at",
            "createdAt", "created_at",
            "updatedAt", "updated_at",
            "companyName", "normalized_name",
            "country", "country",
            "status", "status",
            "stage", "stage");

    public record Filter(UUID callId, ApplicationStatus status, EligibilityOutcome eligibility, String country, String model, Stage stage,
                         String company) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    public Page<ApplicationView> list(Filter filter, String sort, int page, int size) {
        Where where = new Where();
        if (!caller.isAdmin()) {
            where.and(caller.is(Roles.REVIEWER)
                    ? "a.id IN (SELECT r.application_id FROM review r JOIN reviewer v ON v.id = r.reviewer_id WHERE v.account_id = :caller)"
                    : "a.applicant_id = :caller", "caller", caller.id());
        }
        where.and("a.call_id = :call", "call", filter.callId())
                .and("a.status = :status", "status", filter.status() == null ? null : filter.status().name())
                .and("a.eligibility = :eligibility", "eligibility", filter.eligibility() == null ? null : filter.eligibility().name());
        if (filter.country() != null && !filter.country().isBlank()) {
            String country = filter.country().trim().toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) {
                // Stored countries are two letters: "France" would match nothing and look like an empty program.
                throw ProblemException.invalid("country", "must be an ISO 3166-1 alpha-2 code such as FR, was \"" + filter.country() + "\"");
            }
            where.and("a.country = :country", "country", country);
        }
        where.and("a.stage = :stage", "stage", filter.stage() == null ? null : filter.stage().name());
        if (filter.model() != null && !filter.model().isBlank()) {
            // "llama" finds "Llama 2 13B": models match by case-insensitive prefix.
            where.and("EXISTS (SELECT 1 FROM unnest(a.model_names) m WHERE m LIKE :model ESCAPE '\\')", "model",
                    literalForLike(filter.model().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.company() != null && !filter.company().isBlank()) {
            // "garden" finds "Mistral Garden SAS": the name as entered, any part of it, any case.
            where.and("a.company_name ILIKE :company ESCAPE '\\'", "company", "%" + literalForLike(filter.company().trim()) + "%");
        }
        String from = " FROM application a WHERE " + where.clause();
        long total = ((Number) where.bind(entityManager.createNativeQuery("SELECT count(*)" + from)).getSingleResult()).longValue();

        Query select = where.bind(entityManager.createNativeQuery("SELECT a.*" + from + orderBy(sort)
                + " LIMIT :limit OFFSET :offset", Application.class));
        select.setParameter("limit", size).setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<Application> applications = select.getResultList();
        boolean admin = caller.isAdmin();
        return new Page<>(applications.stream().map(a -> ApplicationView.of(a, admin)).toList(), total, page, size);
    }

    /** The text as LIKE matches it literally: its % and _ are not wildcards. */
    static String literalForLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** "-submittedAt,companyName": descending by submission, then by name; unknown fields are a 400 naming them. */
    static String orderBy(String sort) {
        List<String> terms = new ArrayList<>();
        String spec = sort == null || sort.isBlank() ? "-submittedAt" : sort;
        for (String term : spec.split(",")) {
            String field = term.trim();
            boolean descending = field.startsWith("-");
            field = descending || field.startsWith("+") ? field.substring(1) : field;
            String column = SORTABLE.get(field);
            if (column == null) {
                throw ProblemException.invalid("sort", "cannot sort by \"" + field + "\"; sortable fields are "
                        + new java.util.TreeSet<>(SORTABLE.keySet()) + ", prefix - for descending");
            }
            terms.add("a." + column + (descending ? " DESC NULLS LAST" : " ASC NULLS LAST"));
        }
        terms.add("a.id");
        return " ORDER BY " + String.join(", ", terms);
    }
}

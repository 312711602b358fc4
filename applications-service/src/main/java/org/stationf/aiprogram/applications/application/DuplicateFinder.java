package org.stationf.aiprogram.applications.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Pairs of applications to one call, from different accounts, that look like the same startup: same registration
 * number, same normalized company name, a founder email in common, or the same website domain. Submission already
 * refuses the clear cases; these are for an admin's eye.
 */
@ApplicationScoped
public class DuplicateFinder {

    @Schema(name = "SuspectedDuplicate")
    public record SuspectedDuplicate(UUID first, @Schema(example = "Mistral Garden SAS") String firstCompany, ApplicationStatus firstStatus,
                                     UUID second, @Schema(example = "Mistral Garden") String secondCompany, ApplicationStatus secondStatus,
                                     @Schema(example = "[\"same normalized company name 'mistral garden'\"]") List<String> reasons) {
    }

    @Inject
    EntityManager entityManager;

    public List<SuspectedDuplicate> find(UUID callId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT a.id, a.company_name, a.status, b.id, b.company_name, b.status,
                               a.registration_key IS NOT NULL AND a.registration_key = b.registration_key,
                               a.normalized_name = b.normalized_name,
                               array_to_string(ARRAY(SELECT unnest(a.founder_emails) INTERSECT SELECT unnest(b.founder_emails)), ', '),
                               a.website IS NOT NULL AND b.website IS NOT NULL
                                 AND lower(substring(a.website from '^https?://(?:www\\.)?([^/:]+)')) = lower(substring(b.website from '^https?://(?:www\\.)?([^/:]+)')),
                               a.registration_key, a.normalized_name
                        FROM application a JOIN application b
                          ON a.call_id = b.call_id AND a.id < b.id AND a.applicant_id <> b.applicant_id
                        WHERE a.call_id = :call AND a.status <> 'WITHDRAWN' AND b.status <> 'WITHDRAWN'
                          AND ((a.registration_key IS NOT NULL AND a.registration_key = b.registration_key)
                               OR a.normalized_name = b.normalized_name
                               OR a.founder_emails && b.founder_emails
                               OR (a.website IS NOT NULL AND b.website IS NOT NULL
                                   AND lower(substring(a.website from '^https?://(?:www\\.)?([^/:]+)')) = lower(substring(b.website from '^https?://(?:www\\.)?([^/:]+)'))))
                        ORDER BY a.company_name, a.id, b.id""")
                .setParameter("call", callId)
                .getResultList();
        List<SuspectedDuplicate> pairs = new ArrayList<>();
        for (Object[] row : rows) {
            List<String> reasons = new ArrayList<>();
            if (Boolean.TRUE.equals(row[6])) {
                reasons.add("same registration number " + row[10]);
            }
            if (Boolean.TRUE.equals(row[7])) {
                reasons.add("same normalized company name '" + row[11] + "'");
            }
            if (row[8] != null && !row[8].toString().isEmpty()) {
                reasons.add("founder email in common: " + row[8]);
            }
            if (Boolean.TRUE.equals(row[9])) {
                reasons.add("same website domain");
            }
            pairs.add(new SuspectedDuplicate((UUID) row[0], (String) row[1], ApplicationStatus.valueOf((String) row[2]),
                    (UUID) row[3], (String) row[4], ApplicationStatus.valueOf((String) row[5]), reasons));
        }
        return pairs;
    }
}

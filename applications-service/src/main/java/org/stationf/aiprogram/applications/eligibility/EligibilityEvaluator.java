package org.stationf.aiprogram.applications.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import org.stationf.aiprogram.applications.application.Application;
import org.stationf.aiprogram.applications.application.ModelUse;
import org.stationf.aiprogram.applications.call.EligibilityRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a call's rules over a submitted application. Any failed rule makes it INELIGIBLE; otherwise anything a rule
 * cannot decide (a model the call does not list) makes it NEEDS_REVIEW; otherwise ELIGIBLE. Every rule says why.
 */
@ApplicationScoped
public class EligibilityEvaluator {

    public EligibilityResult evaluate(Application application, EligibilityRules rules) {
        List<String> failures = new ArrayList<>();
        List<String> doubts = new ArrayList<>();
        List<String> passes = new ArrayList<>();

        if (rules.requireOpenModel()) {
            checkOpenModels(application.models, rules.openModels(), failures, doubts, passes);
        }
        if (!rules.stages().isEmpty()) {
            if (rules.stages().contains(application.stage)) {
                passes.add("Stage " + application.stage + " is admitted");
            } else {
                failures.add("Stage " + application.stage + " is not admitted; the call admits " + rules.stages());
            }
        }
        if (!rules.countries().isEmpty()) {
            if (rules.countries().contains(application.country)) {
                passes.add("Country " + application.country + " is admitted");
            } else {
                failures.add("Country " + application.country + " is not admitted; the call admits " + rules.countries());
            }
        }
        if (rules.minTeamSize() != null && application.teamSize < rules.minTeamSize()) {
            failures.add("Team of " + application.teamSize + " is below the minimum of " + rules.minTeamSize());
        }
        if (rules.maxTeamSize() != null && application.teamSize > rules.maxTeamSize()) {
            failures.add("Team of " + application.teamSize + " is above the maximum of " + rules.maxTeamSize());
        }

        EligibilityOutcome outcome = !failures.isEmpty() ? EligibilityOutcome.INELIGIBLE
                : !doubts.isEmpty() ? EligibilityOutcome.NEEDS_REVIEW : EligibilityOutcome.ELIGIBLE;
        List<String> reasons = new ArrayList<>(failures);
        reasons.addAll(doubts);
        reasons.addAll(passes);
        return new EligibilityResult(outcome, List.copyOf(reasons), false);
    }

    private static void checkOpenModels(List<ModelUse> models, List<String> openModels, List<String> failures,
                                        List<String> doubts, List<String> passes) {
        if (models.isEmpty()) {
            failures.add("No open foundation model is named; the program is for products built on one");
            return;
        }
        if (openModels.isEmpty()) {
            doubts.add("The call lists no recognised open models; a reviewer must check " + names(models));
            return;
        }
        List<String> recognised = models.stream().map(ModelUse::name).filter(name -> recognised(name, openModels)).toList();
        if (!recognised.isEmpty()) {
            passes.add("Built on " + String.join(", ", recognised) + ", recognised open foundation model(s)");
        } else {
            doubts.add("None of " + names(models) + " is a recognised open foundation model of this call; a human must check");
        }
    }

    private static boolean recognised(String model, List<String> openModels) {
        String name = model.toLowerCase(Locale.ROOT).trim();
        return openModels.stream().map(open -> open.toLowerCase(Locale.ROOT).trim()).anyMatch(name::startsWith);
    }

    private static String names(List<ModelUse> models) {
        return models.stream().map(ModelUse::name).toList().toString();
    }
}

package org.stationf.aiprogram.api;

/** The roles a token carries in its {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String REVIEWER = "reviewer";
    public static final String APPLICANT = "applicant";
    public static final String PARTNER = "partner";

    /** Claim naming the partner organisation a partner token acts for (e.g. META, HUGGING_FACE, SCALEWAY). */
    public static final String PARTNER_CLAIM = "partner";

    private Roles() {
    }
}

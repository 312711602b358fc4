package org.stationf.aiprogram.gateway.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An operation anyone may call that {@link AddressLimits} keeps each caller address from abusing. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface LimitedPerAddress {

    Limit value();

    enum Limit {
        /** Checks a client secret or a password: wrong ones are counted. */
        FAILED_CREDENTIALS("Too many wrong credentials from this address"),
        /** Creates a founder's account: every one is counted. */
        SIGN_UPS("Too many accounts created from this address");

        final String tooMany;

        Limit(String tooMany) {
            this.tooMany = tooMany;
        }
    }
}

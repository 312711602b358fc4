package org.stationf.aiprogram.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The invalid fields of one request, gathered by checks that need more than one field or the database (dates in
 * order, weights that sum to 1, keys that are unique, a partner that exists). The caller gets all of them in one 400,
 * as it gets every bean-validation violation at once, so a form can mark each wrong field after a single attempt.
 */
public final class InvalidFields {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** Records that {@code field} is invalid unless {@code valid}. */
    public InvalidFields check(boolean valid, String field, String message) {
        if (!valid) {
            errors.add(new Problem.FieldError(field, message));
        }
        return this;
    }

    /** Refuses the request with every invalid field recorded, if there is any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}

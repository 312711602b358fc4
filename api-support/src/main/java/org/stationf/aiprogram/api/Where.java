package org.stationf.aiprogram.api;

import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The where clause of a list query, built from the caller's scope and the filters it asked for: a filter left out
 * (null) adds nothing, and every value goes in as a named parameter, never as text of the query. For Panache
 * ({@code find(where.clause(), sort, where.parameters())}), JPQL and native SQL alike.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds the condition, its named parameter set to {@code value}; nothing when the value is null. */
    public Where and(String condition, String parameter, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Adds a condition that takes no parameter. */
    public Where and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** The conditions joined by {@code and}; {@code 1 = 1} when there are none, so that it can always follow a where. */
    public String clause() {
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /** The query with every parameter set. */
    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}

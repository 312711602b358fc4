package org.stationf.aiprogram.api;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Path and query parameters holding a NUL character (%00), which PostgreSQL cannot store and so no stored object can
 * match: a path names nothing (404), a query parameter is refused by name (400), before any query reaches the
 * database, which would refuse it with a problem naming no parameter. JSON bodies are checked by {@link StrictJsonTypes}.
 */
public class NulCharacters {

    /** What a field or a query parameter holding one is told. */
    public static final String REFUSAL = "must not contain a NUL character (U+0000)";

    /** Whether the text holds a NUL character, which no stored value can. */
    public static boolean in(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    @ServerRequestFilter
    public void refuse(UriInfo uri) {
        for (Map.Entry<String, List<String>> parameter : uri.getPathParameters().entrySet()) {
            if (holdsNul(parameter.getValue())) {
                throw new NotFoundException();
            }
        }
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (holdsNul(parameter.getValue())) {
                throw ProblemException.invalid(parameter.getKey(), REFUSAL);
            }
        }
    }

    private static boolean holdsNul(List<String> values) {
        for (String value : values) {
            if (in(value)) {
                return true;
            }
        }
        return false;
    }
}

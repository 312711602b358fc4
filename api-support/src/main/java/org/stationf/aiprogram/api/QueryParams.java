package org.stationf.aiprogram.api;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads query parameters that arrive as text, so a bad value is a 400 naming the parameter
 * (JAX-RS would answer a failed conversion of a query parameter with a bare 404).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", was \"" + clip(value) + "\"");
        }
    }

    /**
     * One of a fixed set of upper-case words kept as text (a status), in any case; left out, null: a filter that
     * filters nothing, as {@link #enumOf} answers.
     */
    public static String oneOf(String name, String value, Collection<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(wanted)) {
            throw ProblemException.invalid(name, "must be one of " + allowed + ", was \"" + clip(value) + "\"");
        }
        return wanted;
    }

    public static UUID uuidOf(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID, was \"" + clip(value) + "\"");
        }
    }

    /**
     * Only true or false: JAX-RS would read any other word ("yes", "1", a typo) silently as false. Left out, the
     * fallback; null for a filter that then filters nothing, as {@link #enumOf} and {@link #uuidOf} answer.
     */
    public static Boolean booleanOf(String name, String value, Boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false, was \"" + clip(value) + "\"");
        };
    }

    public static int intOf(String name, String value, int fallback, int min, int max) {
        return (int) longOf(name, value, fallback, min, max);
    }

    public static long longOf(String name, String value, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < min || parsed > max) {
                throw ProblemException.invalid(name, "must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be an integer, was \"" + clip(value) + "\"");
        }
    }

    /**
     * An instant with its offset, as in the bodies (2024-01-15T09:00:00+01:00 or ...Z). A '+' the caller did not
     * percent-encode arrives as a space; it is read back as the '+' it was, since no instant has a space in it.
     */
    public static Instant instantOf(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 instant such as 2023-12-01T23:59:59+01:00, was \"" + clip(value) + "\"");
        }
    }

    /** An ISO-8601 duration (PT24H, P7D) from zero to {@code max}; left out, zero. */
    public static Duration durationOf(String name, String value, Duration max) {
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        Duration parsed;
        try {
            parsed = Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 duration such as PT24H, was \"" + clip(value) + "\"");
        }
        if (parsed.isNegative() || parsed.compareTo(max) > 0) {
            throw ProblemException.invalid(name, "must be between PT0S and " + inDaysWhenWhole(max) + ", was " + clip(value.trim()));
        }
        return parsed;
    }

    /** P7D as the caller would write it, not Duration's PT168H. */
    private static String inDaysWhenWhole(Duration duration) {
        return !duration.isZero() && duration.toSeconds() % Duration.ofDays(1).toSeconds() == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    private static String clip(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}

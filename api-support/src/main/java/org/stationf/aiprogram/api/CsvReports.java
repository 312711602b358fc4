package org.stationf.aiprogram.api;

import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reports as CSV for program admins' spreadsheets: RFC 4180 (a header line, CRLF, fields quoted when they hold a
 * comma, a quote or a line break) and safe to open, a text that a spreadsheet would run as a formula being prefixed
 * with a quote. Written here rather than with a CSV library: these few lines are the whole of it, and the formula
 * guard would be ours anyway.
 */
public final class CsvReports {

    public static final String MEDIA_TYPE = "text/csv";

    /** What OWASP lists as a cell a spreadsheet may run: =, +, -, @, a tab or a carriage return first. */
    private static final Pattern FORMULA_START = Pattern.compile("[=+\\-@\t\r]");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private CsvReports() {
    }

    /** The header line, then one line per row; a null cell is empty, a number as plain digits. */
    public static String of(List<String> columns, Stream<List<?>> rows) {
        StringBuilder csv = new StringBuilder(line(columns.stream()));
        rows.forEach(row -> csv.append(line(row.stream())));
        return csv.toString();
    }

    /** The report as a download named {@code filename}. */
    public static Response attachment(String csv, String filename) {
        return Response.ok(csv, MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    private static String line(Stream<?> cells) {
        return cells.map(CsvReports::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        String text = value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : Objects.toString(value, "");
        if (FORMULA_START.matcher(text).lookingAt() && !NUMBER.matcher(text).matches()) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

package org.stationf.aiprogram.testing;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The metrics of the service under test, as Prometheus scrapes them from its own {@code /q/metrics}. */
public final class ServiceMetrics {

    private ServiceMetrics() {
    }

    /** The value of a metric the service must have (a gauge without labels, say): its first series. */
    public static double value(String name) {
        List<Double> values = series(name, List.of());
        assertFalse(values.isEmpty(), name + " in /q/metrics");
        return values.get(0);
    }

    /** The sum of a metric's series whose labels include all of these ({@code outcome="applied"}, say); 0 before any is counted. */
    public static double sum(String name, String... labels) {
        return series(name, List.of(labels)).stream().mapToDouble(Double::doubleValue).sum();
    }

    private static List<Double> series(String name, List<String> labels) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .filter(line -> labels.stream().allMatch(line::contains))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .toList();
    }
}

package org.stationf.aiprogram.e2e;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.stationf.aiprogram.testing.TestTokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of every service, the gateway's own included, reached through the gateway with bad requests generated
 * from the service's own OpenAPI document, and with bad tokens: no answer may be a 5xx, every refusal is problem+json,
 * a secured operation refuses every bad token with a 401, and a refused request changes nothing stored in the service's
 * database.
 */
@ExtendWith(RunningSuite.class)
class OpenApiFuzzIT {

    /** Each document, where its operations are served and the database they write to. */
    record Service(String name, String document, String prefix, String database) {
    }

    /** The four documents Swagger UI's definition list offers, as the gateway serves them. */
    static final List<Service> SERVICES = List.of(
            new Service("applications", "/openapi/applications", "/api", "applications"),
            new Service("cohorts", "/openapi/cohorts", "/api", "cohorts"),
            new Service("resources", "/openapi/resources", "/api/resources", "resources"),
            new Service("gateway", "/q/openapi?format=json", "", "gateway"));
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Test
    void badRequestsToEveryOperationNeverGet5xxAndChangeNothing() throws Exception {
        String admin = Api.admin();
        List<String> badTokens = List.of("garbage", TestTokens.signedByUnknownKey("fuzzer", Set.of("admin")),
                TestTokens.expired("fuzzer", Set.of("admin")));
        quiet();

        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> notProblems = new ArrayList<>();
        List<String> changedByRefusal = new ArrayList<>();
        // Bad requests a service took: none may be a 5xx, and each is listed so a reader can judge it was right to.
        List<String> acceptedCases = new ArrayList<>();
        int requests = 0;
        int operations = 0;
        StringBuilder report = new StringBuilder("# Fuzzing report\n\n| service | operations | requests |\n| --- | --- | --- |\n");
        for (Service service : SERVICES) {
            String document = given().baseUri(RunningSuite.GATEWAY).get(service.document()).then().statusCode(200).extract().asString();
            List<OpenApiFuzzer.Target> targets = OpenApiFuzzer.targets(document, service.prefix());
            int serviceRequests = 0;
            String database = RunningSuite.DB_PREFIX + service.database();
            for (OpenApiFuzzer.Target target : targets) {
                operations++;
                List<String> before = Database.fingerprint(database);
                boolean accepted = false;
                List<OpenApiFuzzer.Case> cases = new ArrayList<>(target.cases());
                // The valid request, with only its token wrong.
                for (String token : badTokens) {
                    OpenApiFuzzer.Case valid = target.valid();
                    cases.add(new OpenApiFuzzer.Case(valid.method(), valid.path(), Map.of(), valid.contentType(), valid.body(), "bad token"));
                }
                for (int i = 0; i < cases.size(); i++) {
                    OpenApiFuzzer.Case fuzz = cases.get(i);
                    boolean badToken = i >= target.cases().size();
                    String token = badToken ? badTokens.get(i - target.cases().size()) : admin;
                    Response response = send(fuzz, token);
                    requests++;
                    serviceRequests++;
                    int status = response.statusCode();
                    byStatus.merge(status / 100 + "xx", 1, Integer::sum);
                    String label = target.method() + " " + fuzz.path().substring(0, Math.min(80, fuzz.path().length())) + " (" + fuzz.why() + ")";
                    if (status >= 500) {
                        serverErrors.add(status + " " + label + ": " + abbreviate(response.asString()));
                    } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                        notProblems.add(status + " " + label + ": " + response.contentType());
                    } else if (status < 400) {
                        accepted = true;
                        acceptedCases.add(status + " " + label);
                    }
                    if (badToken && target.secured() && status != 401) {
                        serverErrors.add("bad token answered " + status + ": " + label);
                    }
                }
                if (!accepted) {
                    List<String> after = Database.fingerprint(database);
                    if (!after.equals(before)) {
                        changedByRefusal.add(target.method() + " " + target.template() + ": " + diff(before, after));
                    }
                }
            }
            report.append("| ").append(service.name()).append(" | ").append(targets.size()).append(" | ").append(serviceRequests).append(" |\n");
        }
        report.append("\n").append(requests).append(" requests to ").append(operations).append(" operations; answers by class: ")
                .append(byStatus).append("\n\nServer errors: ").append(serverErrors.size()).append("\n");
        serverErrors.forEach(error -> report.append("- ").append(error).append('\n'));
        report.append("\nAccepted (2xx/3xx): ").append(acceptedCases.size()).append("\n");
        acceptedCases.forEach(accepted -> report.append("- ").append(accepted).append('\n'));
        Path file = Path.of(System.getProperty("suite.home", "target/suite")).resolveSibling("fuzz-report.md");
        Files.writeString(file, report.toString());
        System.out.println(report);

        assertThat(serverErrors).as("5xx answers (see %s)", file).isEmpty();
        assertThat(notProblems).as("4xx answers that are not problem+json").isEmpty();
        assertThat(changedByRefusal).as("data changed although every request was refused").isEmpty();
        // Every operation of the four documents was reached, each with bad tokens and most with bad inputs.
        assertThat(operations).isGreaterThanOrEqualTo(105);
        assertThat(requests).isGreaterThanOrEqualTo(operations * 4);
    }

    private static Response send(OpenApiFuzzer.Case fuzz, String token) {
        RequestSpecification request = given().config(RAW).baseUri(RunningSuite.GATEWAY).urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", "fuzz-" + System.nanoTime());
        fuzz.query().forEach(request::queryParam);
        if (fuzz.contentType() != null) {
            request.contentType(fuzz.contentType());
        }
        if (fuzz.body() != null) {
            request.body(fuzz.body());
        }
        return request.request(fuzz.method(), fuzz.path());
    }

    /** Waits until every event of the earlier tests has been published and handled, so only the fuzzer writes. */
    private static void quiet() throws InterruptedException {
        await().atMost(Duration.ofSeconds(60)).until(() -> SERVICES.stream().filter(service -> !service.name().equals("gateway")).allMatch(service ->
                Database.count(RunningSuite.DB_PREFIX + service.database(), "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0));
        Thread.sleep(3000);
    }

    private static String diff(List<String> before, List<String> after) {
        List<String> changed = new ArrayList<>(after);
        changed.removeAll(before);
        return changed.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}

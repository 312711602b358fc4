// The suite's benchmarks, run by benchmarks/run.sh against a suite it started (ports and secret from the environment).
// Single-file Java (java Bench.java): the JDK's HTTP client for setup and the event and submission measurements, wrk
// for the HTTP load of the read endpoint and of usage reports. Prints a Markdown report.

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Bench {

    static final String GATEWAY = "http://127.0.0.1:" + env("GATEWAY_PORT", "18080");
    static final String APPLICATIONS = "http://127.0.0.1:" + env("APPLICATIONS_PORT", "18081");
    static final String COHORTS = "http://127.0.0.1:" + env("COHORT_PORT", "18082");
    static final String SUITE_HOME = env("SUITE_HOME", "benchmarks/.suite");
    static final String DURATION = env("DURATION", "20s");
    static final String CONNECTIONS = env("CONNECTIONS", "32");
    static final int EVENTS = Integer.parseInt(env("EVENTS", "500"));
    static final int MAX_WARMUP_RUNS = Integer.parseInt(env("MAX_WARMUP_RUNS", "18"));
    static final int ROUNDS = Integer.parseInt(env("ROUNDS", "3"));
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final StringBuilder REPORT = new StringBuilder();

    record Answer(int status, String body) {
    }

    public static void main(String[] args) throws Exception {
        long upMillis = Long.parseLong(args[0]);
        line("# Benchmark run " + java.time.Instant.now());
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + ", Java " + System.getProperty("java.version")
                + ". PostgreSQL durability: " + psql("SHOW synchronous_commit") + " synchronous_commit, fsync " + psql("SHOW fsync")
                + ", wal_level " + psql("SHOW wal_level") + ". Load generator on the same machine.");
        line("");
        Map<String, Long> rssAtStart = rss();
        line("## Start");
        line("");
        line("`./suite up` (build skipped, Kafka + 3 services in parallel + gateway): **" + upMillis + " ms** to every readiness 200.");
        line("");

        String admin = token("admin", env("BOOTSTRAP_ADMIN_SECRET", ""));
        // Data: 50 founders apply to 10 calls: 500 drafts.
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(call(admin, i));
        }
        List<String> founders = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 50; i++) {
            founders.add(extract(send("POST", GATEWAY + "/auth/signup", null, "{\"email\": \"bench" + i + "+" + UUID.randomUUID().toString().substring(0, 8)
                    + "@startup.example\", \"password\": \"benchmark password\", \"name\": \"Bench " + i + "\"}", 201).body(), "access_token"));
        }
        List<String[]> drafts = new ArrayList<>();
        Map<String, String> founderOf = new LinkedHashMap<>();
        for (String call : calls) {
            for (String founder : founders) {
                String id = extract(send("POST", GATEWAY + "/api/applications", founder, draft(call), 201).body(), "id");
                drafts.add(new String[]{founder, id, call});
                founderOf.put(id, founder);
            }
        }

        // Write throughput: submissions, 16 at a time.
        line("## Write throughput");
        line("");
        line("| Command | Requests | Concurrency | Throughput | p50 | p99 |");
        line("| --- | --- | --- | --- | --- | --- |");
        List<Long> submitLatencies = concurrently(drafts, 16, d -> {
            long started = System.nanoTime();
            send("POST", GATEWAY + "/api/applications/" + d[1] + "/submit", d[0], null, 200);
            return System.nanoTime() - started;
        });
        long submitWall = submitLatencies.remove(submitLatencies.size() - 1);
        line("| `POST /api/applications/{id}/submit` (through the gateway; eligibility, duplicate check, outbox) | " + drafts.size()
                + " | 16 | " + String.format("%.0f", drafts.size() / (submitWall / 1e9)) + " req/s | " + ms(percentile(submitLatencies, 50))
                + " | " + ms(percentile(submitLatencies, 99)) + " |");

        // Event propagation: one ApplicationShortlisted per publication, until the candidate is readable in cohort-service.
        List<Long> propagation = new ArrayList<>();
        for (int i = 0; i < Math.min(EVENTS, drafts.size()); i++) {
            String[] d = drafts.get(i);
            send("PUT", GATEWAY + "/api/applications/" + d[1] + "/decision", admin, "{\"decision\": \"SHORTLISTED\", \"reason\": \"benchmark\"}", 200);
            long started = System.nanoTime();
            send("POST", GATEWAY + "/api/calls/" + d[2] + "/decisions/publish", admin, null, 200);
            while (send("GET", COHORTS + "/candidates/" + d[1], admin, null, -1).status() != 200) {
                Thread.sleep(1);
            }
            propagation.add(System.nanoTime() - started);
        }

        // Usage reports: one member's Scaleway credits, debited by the partner as fast as wrk can.
        String cohort = extract(send("POST", GATEWAY + "/api/cohorts", admin, "{\"name\": \"Bench cohort\", \"edition\": \"bench\", \"callId\": \"" + calls.get(0)
                + "\", \"startDate\": \"" + LocalDate.now().plusMonths(1) + "\", \"endDate\": \"" + LocalDate.now().plusMonths(6) + "\"}", 201).body(), "id");
        send("POST", GATEWAY + "/api/cohorts/" + cohort + "/open-selection", admin, null, 200);
        // resources-service knows the new cohort once its CohortPlanned has arrived (404 cohort-unknown until then).
        String benchPackage = "{\"name\": \"Bench package\", \"items\": [{\"key\": \"credits\", \"partner\": \"SCALEWAY\", "
                + "\"kind\": \"COMPUTE_CREDITS\", \"description\": \"Credits\", \"amount\": \"100000000\", \"unit\": \"EUR\"}]}";
        Answer packageSet = send("PUT", GATEWAY + "/api/resources/packages/" + cohort, admin, benchPackage, -1);
        for (int i = 0; i < 200 && packageSet.status() == 404; i++) {
            Thread.sleep(50);
            packageSet = send("PUT", GATEWAY + "/api/resources/packages/" + cohort, admin, benchPackage, -1);
        }
        if (packageSet.status() != 200) {
            throw new IllegalStateException("PUT the bench package answered " + packageSet.status() + ": " + packageSet.body());
        }
        String winner = drafts.get(0)[1];
        send("POST", GATEWAY + "/api/cohorts/" + cohort + "/selections", admin, "{\"applicationId\": \"" + winner + "\"}", 201);
        String offer = extract(send("GET", GATEWAY + "/api/offers", founderOf.get(winner), null, 200).body(), "id");
        send("POST", GATEWAY + "/api/offers/" + offer + "/accept", founderOf.get(winner), "{}", 200);
        String partnerClient = send("POST", GATEWAY + "/admin/clients", admin, "{\"name\": \"Scaleway bench\", \"roles\": [\"partner\"], \"partner\": \"SCALEWAY\"}", 201).body();
        String scaleway = token(extract(partnerClient, "clientId"), extract(partnerClient, "clientSecret"));
        String grant = null;
        for (int i = 0; i < 200 && grant == null; i++) {
            Answer grants = send("GET", GATEWAY + "/api/resources/grants?cohortId=" + cohort, scaleway, null, 200);
            grant = grants.body().contains("\"id\"") ? extract(grants.body(), "id") : null;
            Thread.sleep(50);
        }
        send("POST", GATEWAY + "/api/resources/grants/" + grant + "/activation", scaleway, "{\"externalReference\": \"bench-org\"}", 200);
        Wrk usage = wrk(GATEWAY, "/", null, Map.of("GRANT", grant, "TOKEN", scaleway, "RUN_ID", UUID.randomUUID().toString()), "benchmarks/usage-report.lua");
        line("| `POST /api/resources/grants/{id}/usage` (through the gateway; idempotency key, grant row lock, ledger entry, thresholds) | "
                + usage.requests + " in " + DURATION + " | " + CONNECTIONS + " | " + usage.rps + " req/s | " + usage.p50 + " | " + usage.p99 + " |");
        String ledger = send("GET", GATEWAY + "/api/resources/grants/" + grant, scaleway, null, 200).body();
        long debits = Math.round(Double.parseDouble(extract(ledger, "used")) / 0.01);
        line("");
        line("After the usage run the grant holds " + debits + " debits of 0.01 EUR (balance " + extract(ledger, "balance") + " EUR) for "
                + usage.requests + " answers counted by wrk (requests still in flight when wrk stops are debited but not counted); "
                + "non-2xx answers: " + usage.non2xx + ".");
        line("");

        line("## Event propagation");
        line("");
        line("From sending `POST /api/calls/{id}/decisions/publish` (one shortlisted application) to the candidate being readable in cohort-service "
                + "(`GET /candidates/{id}` polled every millisecond), over " + propagation.size() + " events: outbox commit, relay, Kafka, inbox, read model.");
        line("");
        line("| Events | p50 | p90 | p99 | max | Targets |");
        line("| --- | --- | --- | --- | --- | --- |");
        line("| " + propagation.size() + " | " + ms(percentile(propagation, 50)) + " | " + ms(percentile(propagation, 90)) + " | " + ms(percentile(propagation, 99))
                + " | " + ms(Collections.max(propagation)) + " | p50 < 200 ms, p99 < 1 s |");
        line("");

        // Gateway overhead: the same read, straight to the service and through the gateway, alternated once both paths
        // run at a steady rate (on two shared cores the JIT compilers of both processes keep working for minutes).
        String callPath = "/calls/" + calls.get(0);
        String directWarmUp = warmUp(APPLICATIONS, callPath, admin);
        String gatewayWarmUp = warmUp(GATEWAY, "/api" + callPath, admin);
        List<Wrk> direct = new ArrayList<>();
        List<Wrk> gateway = new ArrayList<>();
        List<double[]> directCpu = new ArrayList<>();
        List<double[]> gatewayCpu = new ArrayList<>();
        // In ABBA order (direct first in the first round, the gateway first in the second, ...): the processes may still be
        // getting faster after the warm-up, and a drift during the measurement then favours neither path.
        for (int round = 0; round < ROUNDS; round++) {
            boolean gatewayFirst = round % 2 == 1;
            for (boolean throughGateway : gatewayFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                long[] before = cpuTicks("applications-service", "gateway");
                Wrk measured = throughGateway ? wrk(GATEWAY, "/api" + callPath, admin, Map.of(), null, DURATION)
                        : wrk(APPLICATIONS, callPath, admin, Map.of(), null, DURATION);
                (throughGateway ? gateway : direct).add(measured);
                (throughGateway ? gatewayCpu : directCpu).add(cpuPerRequest(before, cpuTicks("applications-service", "gateway"), measured));
            }
        }
        line("## Gateway overhead");
        line("");
        line("`GET " + callPath.replace(calls.get(0), "{id}") + "` with a valid token, " + CONNECTIONS + " connections, 2 wrk threads, " + DURATION
                + " per measurement after warming each path until two successive 10 s runs differed by less than 5 % in throughput ("
                + directWarmUp + " direct, " + gatewayWarmUp + " through the gateway); direct and through the gateway alternated " + ROUNDS
                + " times in the same run, in ABBA order (the gateway first in even rounds) so a drift favours neither. "
                + "CPU per request: the process's user + system CPU time during the measurement (`/proc/PID/stat`) "
                + "divided by the requests wrk counted.");
        line("");
        line("| Path | Round | Throughput | p50 | p99 | non-2xx | service CPU / request | gateway CPU / request |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int round = 0; round < ROUNDS; round++) {
            line("| direct (applications-service) | " + (round + 1) + " | " + direct.get(round).rps + " req/s | " + direct.get(round).p50 + " | "
                    + direct.get(round).p99 + " | " + direct.get(round).non2xx + " | " + String.format("%.3f ms", directCpu.get(round)[0]) + " | — |");
            line("| through the gateway | " + (round + 1) + " | " + gateway.get(round).rps + " req/s | " + gateway.get(round).p50 + " | "
                    + gateway.get(round).p99 + " | " + gateway.get(round).non2xx + " | " + String.format("%.3f ms", gatewayCpu.get(round)[0])
                    + " | " + String.format("%.3f ms", gatewayCpu.get(round)[1]) + " |");
        }
        double rpsRatio = gateway.stream().mapToDouble(Wrk::rpsValue).sum() / direct.stream().mapToDouble(Wrk::rpsValue).sum();
        double p50Ratio = gateway.stream().mapToDouble(Wrk::p50Ms).sum() / direct.stream().mapToDouble(Wrk::p50Ms).sum();
        double p99Ratio = gateway.stream().mapToDouble(Wrk::p99Ms).sum() / direct.stream().mapToDouble(Wrk::p99Ms).sum();
        // Three decimals and a verdict from the unrounded ratio: 1.253 printed as "1.25" would read as meeting "≤ 1.25".
        line("| **ratio gateway / direct** (all rounds) | | **" + String.format("%.3f", rpsRatio) + "×** (target ≥ 0.8×: "
                + (rpsRatio >= 0.8 ? "met" : "missed") + ") | " + String.format("%.3f", p50Ratio) + "× | **" + String.format("%.3f", p99Ratio)
                + "×** (target ≤ 1.25×: " + (p99Ratio <= 1.25 ? "met" : "missed") + ") | | | |");
        line("");

        Map<String, Long> rssAfterLoad = rss();
        line("## Memory and startup per service");
        line("");
        line("Startup: each service stopped and started again alone with `./suite start NAME`, timed to its readiness 200; "
                + "Quarkus's own \"started in\" from its log.");
        line("");
        line("| Component | Time to ready (alone) | Quarkus \"started in\" | RSS after start | RSS after load |");
        line("| --- | --- | --- | --- | --- |");
        for (String name : List.of("applications-service", "cohort-service", "resources-service", "gateway", "kafka")) {
            String startup = "—";
            String startedIn = "—";
            if (!name.equals("kafka")) {
                run("./suite", "stop", name);
                long started = System.nanoTime();
                run("./suite", "start", name);
                startup = (System.nanoTime() - started) / 1_000_000 + " ms";
                startedIn = startedIn(name);
            }
            line("| " + name + " | " + startup + " | " + startedIn + " | " + rssAtStart.get(name) / 1024 + " MiB | " + rssAfterLoad.get(name) / 1024 + " MiB |");
        }
    }

    record Wrk(String rps, double rpsValue, String p50, double p50Ms, String p99, double p99Ms, String requests, String non2xx) {
    }

    static Wrk wrk(String base, String path, String token, Map<String, String> env, String script) throws Exception {
        return wrk(base, path, token, env, script, DURATION);
    }

    static Wrk wrk(String base, String path, String token, Map<String, String> env, String script, String duration) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + duration, "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        if (script != null) {
            command.addAll(List.of("-s", script));
        }
        command.add(base + path);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        String rps = match(out, "Requests/sec:\\s+([0-9.]+)");
        String p50 = match(out, "\\s50%\\s+([0-9.]+[a-z]+)");
        String p99 = match(out, "\\s99%\\s+([0-9.]+[a-z]+)");
        String requests = match(out, "([0-9]+) requests in");
        String non2xx = out.contains("Non-2xx or 3xx responses") ? match(out, "Non-2xx or 3xx responses:\\s+([0-9]+)") : "0";
        return new Wrk(String.format("%.0f", Double.parseDouble(rps)), Double.parseDouble(rps), p50, millis(p50), p99, millis(p99), requests, non2xx);
    }

    /** Runs 10 s loads until the throughput of one is within 5 % of the previous one's; says how long that took. */
    static String warmUp(String base, String path, String token) throws Exception {
        double previous = 0;
        for (int run = 1; run <= MAX_WARMUP_RUNS; run++) {
            double rps = wrk(base, path, token, Map.of(), null, "10s").rpsValue();
            if (previous > 0 && Math.abs(rps - previous) < 0.05 * previous) {
                return run * 10 + " s";
            }
            previous = rps;
        }
        return MAX_WARMUP_RUNS * 10 + " s, not steady";
    }

    static double millis(String wrkTime) {
        double value = Double.parseDouble(wrkTime.replaceAll("[a-z]+", ""));
        return wrkTime.endsWith("us") ? value / 1000 : wrkTime.endsWith("ms") ? value : value * 1000;
    }

    interface Job {
        long run(String[] item) throws Exception;
    }

    /** Runs the job over the items with the given concurrency; the last element of the result is the wall time. */
    static List<Long> concurrently(List<String[]> items, int concurrency, Job job) throws Exception {
        Semaphore slots = new Semaphore(concurrency);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (String[] item : items) {
            slots.acquire();
            futures.add(CompletableFuture.runAsync(() -> {
                try {
                    latencies.add(job.run(item));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    slots.release();
                }
            }));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        List<Long> result = new ArrayList<>(latencies);
        result.add(System.nanoTime() - started);
        return result;
    }

    static String call(String admin, int i) throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Paris")).withNano(0);
        String id = extract(send("POST", GATEWAY + "/api/calls", admin, """
                {"name": "Benchmark call %d", "edition": "bench-%s", "description": "Benchmark", "timeZone": "Europe/Paris",
                 "opensAt": "%s", "closesAt": "%s", "reviewClosesAt": "%s", "places": 5, "partners": ["SCALEWAY"],
                 "eligibility": {"requireOpenModel": true, "openModels": ["Llama"]}, "questions": [],
                 "rubric": {"scaleMin": 1, "scaleMax": 5, "criteria": [{"key": "overall", "label": "Overall", "weight": 1}]}}"""
                .formatted(i, UUID.randomUUID(), now.minusDays(1), now.plusDays(10), now.plusDays(20)), 201).body(), "id");
        send("POST", GATEWAY + "/api/calls/" + id + "/publish", admin, null, 200);
        return id;
    }

    static String draft(String call) {
        String company = "Bench " + UUID.randomUUID();
        return """
                {"callId": "%s", "company": {"name": "%s", "country": "FR", "registrationNumber": "%s"},
                 "founders": [{"name": "Founder", "email": "founder@%s.example"}], "stage": "SEED", "teamSize": 3,
                 "product": "An open-model product", "models": [{"name": "Llama 2 7B", "usage": "RAG"}]}"""
                .formatted(call, company, UUID.randomUUID(), UUID.randomUUID());
    }

    static String token(String clientId, String secret) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret)).build();
        return extract(expect(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), 200).body(), "access_token");
    }

    static Answer send(String method, String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return expected < 0 ? new Answer(response.statusCode(), response.body()) : expect(response, expected);
    }

    static Answer expect(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return new Answer(response.statusCode(), response.body());
    }

    static String extract(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return matcher.group(1);
    }

    static String match(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + regex + " in " + text);
        }
        return matcher.group(1);
    }

    static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    static Map<String, Long> rss() throws Exception {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (String name : List.of("applications-service", "cohort-service", "resources-service", "gateway", "kafka")) {
            String pid = Files.readString(Path.of(SUITE_HOME, "run", name + ".pid")).trim();
            rss.put(name, Long.parseLong(run("ps", "-o", "rss=", "-p", pid).trim()));
        }
        return rss;
    }

    /** User + system CPU time of each component's process, in clock ticks (/proc/PID/stat fields 14 and 15). */
    static long[] cpuTicks(String... names) throws IOException {
        long[] ticks = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            String pid = Files.readString(Path.of(SUITE_HOME, "run", names[i] + ".pid")).trim();
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks[i] = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        return ticks;
    }

    /** Milliseconds of CPU per request of each component between two readings (Linux counts 100 ticks a second). */
    static double[] cpuPerRequest(long[] before, long[] after, Wrk load) {
        double requests = Double.parseDouble(load.requests);
        double[] perRequest = new double[before.length];
        for (int i = 0; i < before.length; i++) {
            perRequest[i] = (after[i] - before[i]) * 10.0 / requests;
        }
        return perRequest;
    }

    static String startedIn(String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(SUITE_HOME, "logs", name + ".log"));
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher matcher = Pattern.compile("started in ([0-9.]+s)").matcher(lines.get(i));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return "?";
    }

    static String psql(String query) throws Exception {
        return run("psql", "-h", env("PGHOST", "127.0.0.1"), "-U", env("PGUSER", "postgres"), "-d", "postgres", "-tAc", query).trim();
    }

    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    static void line(String text) {
        System.out.println(text);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

package org.stationf.aiprogram.gateway.routing;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.stationf.aiprogram.api.ProblemException;
import org.stationf.aiprogram.gateway.GatewayConfig;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client (per address for requests without a valid token): {@code requests-per-minute} sustained,
 * up to {@code burst} at once; and, per address, one for its wrong credentials and one for the accounts it creates.
 * Buckets idle for ten minutes and full again are dropped.
 */
@ApplicationScoped
public class RateLimiter {

    public record Decision(boolean allowed, long remaining, long retryAfterSeconds, long limit) {

        /** The 429 a refused caller gets, saying what it did too often and when it may try again. */
        public ProblemException refusal(String tooMany) {
            return new ProblemException(429, "rate-limited", "Too many requests", tooMany + "; retry after " + retryAfterSeconds + " s")
                    .with("retryAfterSeconds", retryAfterSeconds)
                    .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
        }
    }

    private record Entry(Bucket bucket, long capacity, long[] lastUsed) {
    }

    private static final Decision UNLIMITED = new Decision(true, Long.MAX_VALUE, 0, Long.MAX_VALUE);

    @Inject
    GatewayConfig config;

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    /** The caller's address, as buckets of callers without a client are keyed. */
    public static String addressOf(RoutingContext context) {
        return context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
    }

    /** Counts one request of a client (or of an address, for requests without a valid token). */
    public Decision tryAcquire(String key) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        return limits.enabled() ? take(entry(key, limits.requestsPerMinute(), Duration.ofMinutes(1), limits.burst())) : UNLIMITED;
    }

    /**
     * Takes one credential attempt of an address's bucket, up front, so that parallel guesses cannot all slip in before
     * the first of them is found wrong; {@link #refundCredentialAttempt} gives it back when the credentials were right.
     */
    public Decision takeCredentialAttempt(String address) {
        return config.rateLimit().enabled() ? take(failedCredentials(address)) : UNLIMITED;
    }

    public void refundCredentialAttempt(String address) {
        if (config.rateLimit().enabled()) {
            failedCredentials(address).bucket().addTokens(1);
        }
    }

    /** Takes one account creation of an address's bucket. */
    public Decision takeSignUp(String address) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        return limits.enabled() ? take(entry("sign-ups:" + address, limits.signUpsPerHour(), Duration.ofHours(1), limits.signUpsBurst())) : UNLIMITED;
    }

    private Entry failedCredentials(String address) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        return entry("failed-credentials:" + address, limits.failedCredentialsPerMinute(), Duration.ofMinutes(1), limits.failedCredentialsBurst());
    }

    private static Decision take(Entry entry) {
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(), retryAfter, entry.capacity());
    }

    private Entry entry(String key, long refill, Duration period, long burst) {
        Entry entry = buckets.computeIfAbsent(key, k -> new Entry(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(refill, period).build())
                .build(), burst, new long[1]));
        entry.lastUsed()[0] = System.nanoTime();
        return entry;
    }

    @Scheduled(every = "PT1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetIdleClients() {
        long cutoff = System.nanoTime() - Duration.ofMinutes(10).toNanos();
        // Only buckets full again: dropping one still refilling would hand its address a fresh burst.
        buckets.entrySet().removeIf(e -> e.getValue().lastUsed()[0] < cutoff && e.getValue().bucket().getAvailableTokens() >= e.getValue().capacity());
    }
}

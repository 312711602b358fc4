package org.stationf.aiprogram.gateway.routing;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.stationf.aiprogram.gateway.GatewayConfig;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client (per address for requests without a valid token): {@code requests-per-minute} sustained,
 * up to {@code burst} at once; and one per address for its wrong credentials. Buckets idle for ten minutes are dropped.
 */
@ApplicationScoped
public class RateLimiter {

    public record Decision(boolean allowed, long remaining, long retryAfterSeconds, long limit) {
    }

    private record Entry(Bucket bucket, long[] lastUsed) {
    }

    private static final Decision UNLIMITED = new Decision(true, Long.MAX_VALUE, 0, Long.MAX_VALUE);

    @Inject
    GatewayConfig config;

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    /** Counts one request of a client (or of an address, for requests without a valid token). */
    public Decision tryAcquire(String key) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        if (!limits.enabled()) {
            return UNLIMITED;
        }
        return decision(bucket(key, limits.requestsPerMinute(), limits.burst()).tryConsumeAndReturnRemaining(1), limits.burst());
    }

    /**
     * Takes one credential attempt of an address's bucket, up front, so that parallel guesses cannot all slip in before
     * the first of them is found wrong; {@link #refundCredentialAttempt} gives it back when the credentials were right.
     */
    public Decision takeCredentialAttempt(String address) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        if (!limits.enabled()) {
            return UNLIMITED;
        }
        return decision(failedCredentials(address, limits).tryConsumeAndReturnRemaining(1), limits.failedCredentialsBurst());
    }

    public void refundCredentialAttempt(String address) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        if (limits.enabled()) {
            failedCredentials(address, limits).addTokens(1);
        }
    }

    private Bucket failedCredentials(String address, GatewayConfig.RateLimit limits) {
        return bucket("failed-credentials:" + address, limits.failedCredentialsPerMinute(), limits.failedCredentialsBurst());
    }

    private Bucket bucket(String key, long perMinute, long burst) {
        Entry entry = buckets.computeIfAbsent(key, k -> new Entry(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build(), new long[1]));
        entry.lastUsed()[0] = System.nanoTime();
        return entry.bucket();
    }

    private static Decision decision(ConsumptionProbe probe, long limit) {
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(), retryAfter, limit);
    }

    @Scheduled(every = "PT1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetIdleClients() {
        long cutoff = System.nanoTime() - Duration.ofMinutes(10).toNanos();
        buckets.entrySet().removeIf(e -> e.getValue().lastUsed()[0] < cutoff);
    }
}

package org.stationf.aiprogram.gateway.routing;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
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
        ConsumptionProbe probe = bucket(key, limits.requestsPerMinute(), limits.burst()).tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(), seconds(probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill()),
                limits.burst());
    }

    /** Whether an address may present credentials now: not while its failed attempts have used up their bucket. */
    public Decision mayTryCredentials(String address) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        if (!limits.enabled()) {
            return UNLIMITED;
        }
        EstimationProbe probe = failedCredentials(address, limits).estimateAbilityToConsume(1);
        return new Decision(probe.canBeConsumed(), probe.getRemainingTokens(),
                seconds(probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill()), limits.failedCredentialsBurst());
    }

    /** Counts a wrong client secret or password sent from an address. */
    public void credentialsFailed(String address) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        if (limits.enabled()) {
            failedCredentials(address, limits).tryConsume(1);
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

    private static long seconds(long nanos) {
        return nanos == 0 ? 0 : Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    @Scheduled(every = "PT1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetIdleClients() {
        long cutoff = System.nanoTime() - Duration.ofMinutes(10).toNanos();
        buckets.entrySet().removeIf(e -> e.getValue().lastUsed()[0] < cutoff);
    }
}

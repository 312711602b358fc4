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
 * up to {@code burst} at once. Buckets of clients idle for ten minutes are dropped.
 */
@ApplicationScoped
public class RateLimiter {

    public record Decision(boolean allowed, long remaining, long retryAfterSeconds, long limit) {
    }

    private record Entry(Bucket bucket, long[] lastUsed) {
    }

    @Inject
    GatewayConfig config;

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    public Decision tryAcquire(String key) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        if (!limits.enabled()) {
            return new Decision(true, Long.MAX_VALUE, 0, Long.MAX_VALUE);
        }
        Entry entry = buckets.computeIfAbsent(key, k -> new Entry(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.burst()).refillGreedy(limits.requestsPerMinute(), Duration.ofMinutes(1)).build())
                .build(), new long[1]));
        entry.lastUsed()[0] = System.nanoTime();
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(), retryAfter, limits.burst());
    }

    @Scheduled(every = "PT1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetIdleClients() {
        long cutoff = System.nanoTime() - Duration.ofMinutes(10).toNanos();
        buckets.entrySet().removeIf(e -> e.getValue().lastUsed()[0] < cutoff);
    }
}

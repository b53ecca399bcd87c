package org.supporthub.web.infrastructure.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a client address, a user, a socket), with a bounded number of keys.
 *
 * <p>Memory must not grow with what an attacker sends: when the map passes its bound, buckets that are
 * full again (their keys have been quiet long enough to be forgotten without effect) are dropped. If
 * that is not enough, because that many keys are all busy, new keys are refused until some go quiet:
 * failing closed is the safe side of a limit.
 */
public final class KeyedRateLimiter {

    private final String name;
    private final double perSecond;
    private final int burst;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    public KeyedRateLimiter(String name, double perSecond, int burst, int maxKeys) {
        this(name, perSecond, burst, maxKeys, System::nanoTime);
    }

    KeyedRateLimiter(String name, double perSecond, int burst, int maxKeys, LongSupplier nanoClock) {
        this.name = name;
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
        new TokenBucket(perSecond, burst, 0); // validates the figures at start-up, not at the first request
    }

    /** What this limit is called in errors and logs, e.g. {@code widget-messages-per-socket}. */
    public String name() {
        return name;
    }

    /** Takes one token for the key: {@link Decision#allowed()} or how long to wait. */
    public Decision acquire(String key) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            sweep(now);
            if (buckets.size() >= maxKeys) {
                return new Decision(name, Math.max(1, (long) Math.ceil(1000 / perSecond)));
            }
        }
        long[] wait = new long[1];
        buckets.compute(key, (k, bucket) -> {
            TokenBucket b = bucket == null ? new TokenBucket(perSecond, burst, now) : bucket;
            wait[0] = b.take(now);
            return b;
        });
        return wait[0] == 0 ? Decision.ALLOWED : new Decision(name, Math.max(1, (wait[0] + 999_999) / 1_000_000));
    }

    /** Forgets a key at once, e.g. when its socket closed. */
    public void forget(String key) {
        buckets.remove(key);
    }

    int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        // At most one sweep per 100 ms, so a flood of new keys cannot turn every call into a full scan.
        long last = lastSweep.get();
        if (now - last < 100_000_000L && last != 0 || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        // computeIfPresent is atomic per key, like acquire's compute: a bucket is never read half-updated.
        for (String key : buckets.keySet()) {
            buckets.computeIfPresent(key, (k, bucket) -> bucket.idle(now) ? null : bucket);
        }
    }

    /**
     * The outcome of one attempt.
     *
     * @param limit          the limit that refused, or null when allowed
     * @param retryAfterMillis how long until the attempt would succeed; 0 when allowed
     */
    public record Decision(String limit, long retryAfterMillis) {
        /** No limit stood in the way. */
        public static final Decision ALLOWED = new Decision(null, 0);

        public boolean allowed() {
            return retryAfterMillis == 0;
        }

        /** Whole seconds for an HTTP {@code Retry-After}, never 0 for a refusal. */
        public long retryAfterSeconds() {
            return allowed() ? 0 : Math.max(1, (retryAfterMillis + 999) / 1000);
        }
    }
}

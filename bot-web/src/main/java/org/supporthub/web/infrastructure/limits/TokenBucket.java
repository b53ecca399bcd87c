package org.supporthub.web.infrastructure.limits;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code perSecond}. Taking a token either
 * succeeds or says how long until one is there, so the client can be told when to try again.
 *
 * <p>Not thread-safe by itself: {@link KeyedRateLimiter} updates a bucket inside the map's atomic
 * {@code compute}, which is the one place it is touched.
 */
final class TokenBucket {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long updatedNanos;

    TokenBucket(double perSecond, int burst, long nowNanos) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("A rate limit needs a positive rate and a burst of at least 1");
        }
        this.perNano = perSecond / 1_000_000_000d;
        this.burst = burst;
        this.tokens = burst;
        this.updatedNanos = nowNanos;
    }

    /** @return 0 when a token was taken, otherwise the nanoseconds until one will be there (nothing taken) */
    long take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
    }

    /** Whether the bucket is full again, so that forgetting it changes nothing. */
    boolean idle(long nowNanos) {
        refill(nowNanos);
        return tokens >= burst;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * perNano);
            updatedNanos = nowNanos;
        }
    }
}

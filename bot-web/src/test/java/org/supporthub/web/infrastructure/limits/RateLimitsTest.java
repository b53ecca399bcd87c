package org.supporthub.web.infrastructure.limits;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateLimitsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private KeyedRateLimiter limiter(double perSecond, int burst, int maxKeys) {
        return new KeyedRateLimiter("test", perSecond, burst, maxKeys, nanos::get);
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Test
    void aBurstIsAllowedThenTheRateAndTheWaitIsExact() {
        KeyedRateLimiter l = limiter(2, 3, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(l.acquire("a").allowed()).isTrue();
        }
        KeyedRateLimiter.Decision refused = l.acquire("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo("test");
        assertThat(refused.retryAfterMillis()).isEqualTo(500);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        advanceMillis(499);
        assertThat(l.acquire("a").allowed()).isFalse();
        advanceMillis(1);
        assertThat(l.acquire("a").allowed()).isTrue();
        assertThat(l.acquire("b").allowed()).as("keys are independent").isTrue();
    }

    @Test
    void aRefusalTakesNothing() {
        KeyedRateLimiter l = limiter(1, 1, 100);
        l.acquire("a");
        for (int i = 0; i < 50; i++) {
            l.acquire("a");
        }
        advanceMillis(1000);
        assertThat(l.acquire("a").allowed()).as("hammering while refused does not push the wait further").isTrue();
    }

    @Test
    void keysAreBoundedQuietOnesAreForgottenBusyOnesRefuseNewcomers() {
        KeyedRateLimiter l = limiter(1, 1, 10);
        for (int i = 0; i < 10; i++) {
            l.acquire("k" + i);
        }
        assertThat(l.acquire("newcomer").allowed()).as("ten busy keys, no room").isFalse();
        assertThat(l.size()).isEqualTo(10);
        advanceMillis(1000);
        assertThat(l.acquire("newcomer").allowed()).as("quiet keys were dropped").isTrue();
        assertThat(l.size()).isEqualTo(1);
    }

    @Test
    void specsReadAsOperatorsWriteThem() {
        assertThat(RateSpec.parse("5/s")).isEqualTo(new RateSpec(5, 5));
        assertThat(RateSpec.parse("30/min,burst=60")).isEqualTo(new RateSpec(0.5, 60));
        assertThat(RateSpec.parse(" 10 / h ").perSecond()).isEqualTo(10 / 3600d);
        assertThatIllegalArgumentException().isThrownBy(() -> RateSpec.parse("5 per second"));
        assertThatIllegalArgumentException().isThrownBy(() -> RateSpec.parse("0/s"));
        assertThatIllegalArgumentException().isThrownBy(() -> RateSpec.parse(null));
    }

    @Test
    void aQuotaNeverGivesMorePlacesThanItHasEvenUnderContention() throws Exception {
        ConnectionQuota quota = new ConnectionQuota("q", 5);
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger overCeiling = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int j = 0; j < 1000; j++) {
                    if (quota.tryAcquire("user")) {
                        granted.incrementAndGet();
                        if (quota.held("user") > 5) {
                            overCeiling.incrementAndGet();
                        }
                        quota.release("user");
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(granted.get()).isPositive();
        assertThat(overCeiling.get()).isZero();
        assertThat(quota.held("user")).isZero();
        assertThat(quota.keys()).as("the last release forgets the key").isZero();
    }

    @Test
    void aQuotaRefusesAtItsCeilingAndFreesOnRelease() {
        ConnectionQuota quota = new ConnectionQuota("q", 2);
        assertThat(quota.tryAcquire("a")).isTrue();
        assertThat(quota.tryAcquire("a")).isTrue();
        assertThat(quota.tryAcquire("a")).isFalse();
        assertThat(quota.held("a")).isEqualTo(2);
        assertThat(quota.tryAcquire("b")).isTrue();
        quota.release("a");
        assertThat(quota.tryAcquire("a")).isTrue();
        quota.release("nobody");
        assertThat(quota.held("nobody")).isZero();
    }
}

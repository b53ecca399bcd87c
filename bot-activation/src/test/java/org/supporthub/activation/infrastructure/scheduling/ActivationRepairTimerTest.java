package org.supporthub.activation.infrastructure.scheduling;

import jakarta.ejb.Timer;
import org.junit.jupiter.api.Test;
import org.supporthub.activation.application.ActivationService;
import org.supporthub.core.application.PeriodicTurns;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repair runs once per beat of the cluster: only on the instance that took the beat's turn, and once
 * at each instance's start-up whatever the turns say (its own runs, abandoned by its previous life).
 */
class ActivationRepairTimerTest {

    private final AtomicInteger repairs = new AtomicInteger();

    private ActivationRepairTimer timer(boolean turnTaken) {
        ActivationRepairTimer t = new ActivationRepairTimer();
        t.activations = (ActivationService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ActivationService.class}, (p, m, a) -> {
                    if (m.getName().equals("repairAbandonedRuns")) {
                        repairs.incrementAndGet();
                        return 0;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        t.turns = new PeriodicTurns() {
            @Override
            public OptionalLong take(String job, long periodMillis) {
                assertThat(job).isEqualTo(ActivationRepairTimer.JOB);
                assertThat(periodMillis).isEqualTo(ActivationRepairTimer.INTERVAL_MILLIS);
                return turnTaken ? OptionalLong.of(7) : OptionalLong.empty();
            }

            @Override
            public Map<String, List<Long>> ranHere() {
                return Map.of();
            }
        };
        return t;
    }

    private static Timer named(String info) {
        return (Timer) Proxy.newProxyInstance(ActivationRepairTimerTest.class.getClassLoader(),
                new Class<?>[]{Timer.class}, (p, m, a) -> {
                    if (m.getName().equals("getInfo")) {
                        return info;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void aBeatRunsOnlyWhereItsTurnWasTaken() {
        timer(false).run(named(ActivationRepairTimer.JOB));
        assertThat(repairs).hasValue(0);
        timer(true).run(named(ActivationRepairTimer.JOB));
        assertThat(repairs).hasValue(1);
    }

    @Test
    void theStartUpRepairRunsOnEveryInstance() {
        timer(false).run(named("activation-repair-at-start-up"));
        assertThat(repairs).hasValue(1);
    }
}

package org.supporthub.web.interfaces.websocket;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A pass over the open sockets every so often, on the managed scheduler: what would otherwise be a timer
 * per socket (a hello deadline, an idle limit). One scheduled task for all sockets costs one capture of the
 * request context, where a timer per socket costs one per connect (docs/benchmarks.md).
 */
abstract class PeriodicSweep {

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Milliseconds of a monotonic clock; replaced in tests. */
    LongSupplier clock = () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime());

    private ScheduledFuture<?> sweeps;

    @PostConstruct
    void start() {
        if (scheduler != null) {
            long every = sweepMillis();
            sweeps = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (sweeps != null) {
            sweeps.cancel(false);
        }
    }

    /** How often the pass runs. */
    abstract long sweepMillis();

    /** One pass over the watched sockets. */
    abstract void sweep();
}

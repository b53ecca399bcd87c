package org.supporthub.activation.infrastructure.scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.supporthub.activation.application.internal.PortalRecheck;
import org.supporthub.core.application.PeriodicTurns;

/**
 * Runs the periodic re-check of connected portals every
 * {@code SUPPORT_HUB_ACTIVATION_RECHECK_INTERVAL_SECONDS} (default one hour), once per cluster: the instance
 * that takes the beat's turn in the data grid runs it ({@link PeriodicTurns}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class RecheckTimer {

    static final String JOB = "portal-recheck";

    @Resource
    TimerService timers;

    @Inject
    PortalRecheck recheck;

    @Inject
    PeriodicTurns turns;

    @Inject
    @ConfigProperty(name = "support.hub.activation.recheck-interval-seconds", defaultValue = "3600")
    long intervalSeconds;

    @PostConstruct
    void schedule() {
        long millis = period();
        timers.createIntervalTimer(PeriodicTurns.delayToNextBeat(System.currentTimeMillis(), millis), millis,
                new TimerConfig(JOB, false));
    }

    private long period() {
        return Math.max(1, intervalSeconds) * 1000;
    }

    /** Each portal is re-checked in transactions of its own, not one long one around them all. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        if (turns.take(JOB, period()).isPresent()) {
            recheck.recheckAll();
        }
    }
}

package org.supporthub.activation.infrastructure.scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.supporthub.activation.application.ActivationService;
import org.supporthub.core.application.PeriodicTurns;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends activations left over by a hub instance that died during them (its own before a restart, or
 * another's): at start-up, then every few seconds once per cluster (the instance that takes the beat's
 * turn in the data grid, {@link PeriodicTurns}). Only runs past their deadline and a margin are ended, so
 * the start-up repair, which every instance does, is safe too.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class ActivationRepairTimer {

    private static final Logger LOG = Logger.getLogger(ActivationRepairTimer.class.getName());
    static final long INTERVAL_MILLIS = 5_000;
    static final String JOB = "activation-repair";
    private static final String AT_START_UP = "activation-repair-at-start-up";

    @Resource
    TimerService timers;

    @Inject
    ActivationService activations;

    @Inject
    PeriodicTurns turns;

    @PostConstruct
    void schedule() {
        // At once (this instance's own runs, left by its previous life), then once per beat of the cluster.
        timers.createSingleActionTimer(0, new TimerConfig(AT_START_UP, false));
        timers.createIntervalTimer(PeriodicTurns.delayToNextBeat(System.currentTimeMillis(), INTERVAL_MILLIS),
                INTERVAL_MILLIS, new TimerConfig(JOB, false));
    }

    /** Each repair is a transaction of its own. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run(Timer timer) {
        if (!AT_START_UP.equals(timer.getInfo()) && turns.take(JOB, INTERVAL_MILLIS).isEmpty()) {
            return;
        }
        try {
            activations.repairAbandonedRuns();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Repair of abandoned activations failed; next try in " + INTERVAL_MILLIS + " ms", e);
        }
    }
}

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
import org.supporthub.activation.application.ActivationService;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends activations left over by a hub instance that died during them (its own before a restart, or
 * another's): at start-up and every few seconds. Only runs past their deadline and a margin are ended, so
 * running this on every instance of one database is safe.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class ActivationRepairTimer {

    private static final Logger LOG = Logger.getLogger(ActivationRepairTimer.class.getName());
    static final long INTERVAL_MILLIS = 5_000;

    @Resource
    TimerService timers;

    @Inject
    ActivationService activations;

    @PostConstruct
    void schedule() {
        // At once, then periodically.
        timers.createIntervalTimer(0, INTERVAL_MILLIS, new TimerConfig("activation-repair", false));
    }

    /** Each repair is a transaction of its own. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        try {
            activations.repairAbandonedRuns();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Repair of abandoned activations failed; next try in " + INTERVAL_MILLIS + " ms", e);
        }
    }
}

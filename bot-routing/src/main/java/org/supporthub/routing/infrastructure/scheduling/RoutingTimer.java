package org.supporthub.routing.infrastructure.scheduling;

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
import org.supporthub.core.application.PeriodicTurns;
import org.supporthub.routing.application.internal.QuestionRouting;
import org.supporthub.routing.application.internal.RoutingTimeouts;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs routing's beat (offers that lapse, operators lost, auto-close, queues drained, questions whose
 * routing failed after they were stored) every {@code support.hub.routing.beat-millis} (default one
 * second), once per cluster: every instance wakes each beat, the one that takes the beat's turn in the
 * data grid runs it ({@link PeriodicTurns}). Routing owns its timer: the WAR only packages it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class RoutingTimer {

    static final String JOB = "routing-beat";
    private static final Logger LOG = Logger.getLogger(RoutingTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    RoutingTimeouts timeouts;

    @Inject
    QuestionRouting questions;

    @Inject
    PeriodicTurns turns;

    @Inject
    @ConfigProperty(name = "support.hub.routing.beat-millis", defaultValue = "1000")
    long beatMillis;

    @PostConstruct
    void schedule() {
        long millis = period();
        timers.createIntervalTimer(PeriodicTurns.delayToNextBeat(System.currentTimeMillis(), millis), millis,
                new TimerConfig(JOB, false));
    }

    private long period() {
        return Math.max(100, beatMillis);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void beat() {
        if (turns.take(JOB, period()).isEmpty()) {
            return;
        }
        try {
            timeouts.beat();
        } catch (RuntimeException e) {
            // Another instance moved the same session first, or a lock timed out: the next beat retries.
            LOG.log(Level.WARNING, "A routing beat gave way; the next one retries", e);
        }
        try {
            questions.retryStale();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Questions awaiting routing could not be read; the next beat retries", e);
        }
    }
}

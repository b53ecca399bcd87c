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
import org.supporthub.routing.application.internal.TriageModelRefresh;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code support.hub.triage.refresh-millis} (default two seconds), on every hub instance: is the
 * triage model in the database newer than this instance's classifier? Then rebuild it. The first tick,
 * soon after start, brings a freshly started instance up to the corrections accepted before.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class TriageModelTimer {

    private static final Logger LOG = Logger.getLogger(TriageModelTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    TriageModelRefresh refresh;

    @Inject
    @ConfigProperty(name = "support.hub.triage.refresh-millis", defaultValue = "2000")
    long refreshMillis;

    @PostConstruct
    void schedule() {
        long millis = Math.max(200, refreshMillis);
        timers.createIntervalTimer(1000, millis, new TimerConfig("triage-model-refresh", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            refresh.refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The triage model could not be refreshed; the next tick retries", e);
        }
    }
}

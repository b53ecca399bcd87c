package org.supporthub.routing.application.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.supporthub.core.application.TriageLearning;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this instance's triage classifier in step with the accepted corrections in the shared database.
 * Each instance compares the model version row with the version its classifier was built from (one small
 * read per refresh, none per question) and, when it is behind, rebuilds from the accepted corrections:
 * on a timer ({@code TriageModelTimer}) on every instance, and at once on the instance where a manager
 * accepted one.
 */
@ApplicationScoped
public class TriageModelRefresh {

    private static final Logger LOG = Logger.getLogger(TriageModelRefresh.class.getName());

    @Inject
    TriageTrainingData data;

    @Inject
    TriageLearning learning;

    @Resource
    ManagedExecutorService executor;

    /**
     * Rebuilds the classifier if the database holds a newer model; returns whether it did. The current
     * classifier triages questions meanwhile: the new one is built aside and swapped in whole.
     */
    public boolean refresh() {
        // The version first, the corrections second: a correction accepted in between is then learned
        // under an older version number, and the next refresh learns it again; never the other way round,
        // which would mark an index up to date that lacks a correction.
        long current = data.version();
        if (current <= learning.modelVersion()) {
            return false;
        }
        return learning.learn(current, data.learned());
    }

    /** A manager accepted a correction here: learn it now, on the managed executor, not at the next tick. */
    void advanced(@Observes(during = TransactionPhase.AFTER_SUCCESS) TriageModelAdvanced advanced) {
        if (executor == null) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    refresh();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Triage model " + advanced.version() + " left to the periodic refresh", e);
                }
            });
        } catch (RuntimeException refused) {
            LOG.log(Level.WARNING, "Triage model " + advanced.version() + " left to the periodic refresh", refused);
        }
    }
}

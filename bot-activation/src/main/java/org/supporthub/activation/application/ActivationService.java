package org.supporthub.activation.application;

import org.supporthub.activation.domain.model.ActivationReport;

import java.util.Optional;

/** What the rest of the hub may ask of activations besides running one (see the bot's activation port). */
public interface ActivationService {

    /** The latest finished activation of a portal, for its server and for support staff. */
    Optional<ActivationReport> latestReport(String portalId);

    /**
     * Ends the runs that no live hub instance can still be running (their instance died during the run):
     * each bot goes back to INSTALLED with a report {@code ACTIVATION_INTERRUPTED}. Safe to call from every
     * instance at once, at start-up and periodically.
     *
     * @return how many runs this call ended
     */
    int repairAbandonedRuns();
}

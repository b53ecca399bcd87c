package org.supporthub.activation.application;

import org.supporthub.activation.domain.model.ActivationReport;

import java.util.Optional;

/** What the rest of the hub may ask of activations besides running one (see the bot's activation port). */
public interface ActivationService {

    /** The latest finished activation of a portal, for its server and for support staff. */
    Optional<ActivationReport> latestReport(String portalId);
}

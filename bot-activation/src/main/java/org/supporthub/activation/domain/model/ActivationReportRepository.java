package org.supporthub.activation.domain.model;

import java.util.Optional;

/** Activation reports. */
public interface ActivationReportRepository {

    void store(ActivationReport report);

    /** The most recently finished activation of the portal. */
    Optional<ActivationReport> latest(String portalId);
}
